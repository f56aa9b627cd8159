import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Community } from '../../registry/entities/community.entity';
import { AgendaItem } from './agenda-item.entity';

/** One step of an item's timeline: submitted, advanced, returned, rejected, skipped, resubmitted, done. */
@Entity('agenda_transitions')
@Index(['agendaItemId', 'occurredAt'])
export class AgendaTransition {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  communityId: string;

  @Column('uuid')
  agendaItemId: string;

  @Column({ type: 'text', nullable: true })
  stage: string | null;

  @Column('text')
  kind: string;

  @Column({ type: 'text', default: '' })
  reason: string;

  /** Null for the system (e.g. the close of an assembly vote). */
  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'uuid', nullable: true })
  meetingId: string | null;

  @Column({ type: 'timestamptz' })
  occurredAt: Date;

  @ManyToOne(() => Community, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'community_id' })
  community?: Community;

  @ManyToOne(() => AgendaItem, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'agenda_item_id' })
  agendaItem?: AgendaItem;
}
