import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** 接待日: one scheduled reception of a host (书记接待日 / 物业经理接待日). */
@Entity('reception_days')
@Index(['communityId', 'day'])
export class ReceptionDay {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  communityId: string;

  @Column('text')
  hostKind: 'party_secretary' | 'property_manager';

  @Column({ type: 'uuid', nullable: true })
  hostUserId: string | null;

  @Column('text')
  hostName: string;

  /** The community-zone date. */
  @Column('date')
  day: string;

  @Column('timestamptz')
  startsAt: Date;

  @Column('timestamptz')
  endsAt: Date;

  @Column('text')
  place: string;

  @Column({ type: 'text', default: '' })
  note: string;

  @Column('uuid')
  createdBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
