import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Community } from '../../registry/entities/community.entity';
import { Hearing } from './hearing.entity';

/** An objection to a published hearing result, filed within the objection period. */
@Entity('hearing_objections')
export class Objection {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  communityId: string;

  @Column('uuid')
  hearingId: string;

  @Column('uuid')
  filedBy: string;

  @Column('text')
  text: string;

  @Column({ type: 'timestamptz' })
  filedAt: Date;

  /** The committee's answer (once; then fixed), recorded in the decision record and sent to the objector. */
  @Column({ type: 'text', nullable: true })
  answer: string | null;

  @Column({ type: 'uuid', nullable: true })
  answeredBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  answeredAt: Date | null;

  @ManyToOne(() => Community, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'community_id' })
  community?: Community;

  @ManyToOne(() => Hearing, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'hearing_id' })
  hearing?: Hearing;
}
