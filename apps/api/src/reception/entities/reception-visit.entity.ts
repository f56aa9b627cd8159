import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One concern in a reception day's visit log; it became the request requestId (登记列账). */
@Entity('reception_visits')
@Index(['communityId', 'receptionDayId'])
export class ReceptionVisit {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  communityId: string;

  @Column('uuid')
  receptionDayId: string;

  @Column('text')
  visitorName: string;

  @Column({ type: 'uuid', nullable: true })
  visitorUserId: string | null;

  @Column({ type: 'text', nullable: true })
  visitorMobile: string | null;

  @Column('text')
  concern: string;

  @Column('uuid')
  requestId: string;

  @Column('uuid')
  enteredBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
