import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Community } from '../../registry/entities/community.entity';
import { AgendaItem } from './agenda-item.entity';

export interface Attendee {
  name: string;
  /** The party or role they attend for, e.g. 党支部, 居委会, 业委会, 物业, 居民代表, 专家. */
  party: string;
  userId?: string;
  present: boolean;
}

/** A stage's meeting record: time, place, attendees, minutes, stage-specific details and the outcome. */
@Entity('meetings')
@Index(['agendaItemId', 'stage'])
export class Meeting {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  communityId: string;

  @Column('uuid')
  agendaItemId: string;

  @Column('text')
  stage: string;

  @Column({ type: 'timestamptz' })
  heldAt: Date;

  @Column('text')
  place: string;

  @Column({ type: 'text', default: '' })
  chair: string;

  @Column({ type: 'jsonb' })
  attendees: Attendee[];

  @Column('text')
  minutes: string;

  /** Stage-specific: agreed plan and options (joint meeting), opinions (representatives), member votes (committee). */
  @Column({ type: 'jsonb', default: {} })
  details: Record<string, unknown>;

  /** advance | return | reject */
  @Column('text')
  outcome: string;

  @Column({ type: 'text', default: '' })
  outcomeReason: string;

  @Column('uuid')
  recordedBy: string;

  /** Confirmation round of the minutes (apps/api/src/minutes): amending them starts a new one. */
  @Column({ type: 'integer', default: 1 })
  minutesRound: number;

  /** When every attendee present had confirmed the minutes (null: not yet, or a stage without confirmations). */
  @Column({ type: 'timestamptz', nullable: true })
  minutesFinalAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @ManyToOne(() => Community, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'community_id' })
  community?: Community;

  @ManyToOne(() => AgendaItem, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'agenda_item_id' })
  agendaItem?: AgendaItem;
}
