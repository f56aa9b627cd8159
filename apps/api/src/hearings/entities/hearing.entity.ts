import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import type { Criterion } from '@gongyi/domain/hearings/tender';
import { AgendaItem } from '../../agenda/entities/agenda-item.entity';
import { Community } from '../../registry/entities/community.entity';

export type HearingStatus = 'bidding' | 're_tender' | 'opened' | 'result_published';

/** One entry of the published shortlist: the bid, and the option id it carries into the assembly motion. */
export interface ShortlistEntry {
  bidId: string;
  optionId: string;
  rank: number;
  label: string;
}

/** 听证会: the public tender for one agenda item — panel, invited vendors, weighted criteria, sealed bids. */
@Entity('hearings')
@Index(['communityId', 'agendaItemId'])
// One live tender per item; a hearing that failed for want of bids (re_tender) makes way for the next.
@Index('hearings_one_active_per_item', ['agendaItemId'], { unique: true, where: `status <> 're_tender'` })
@Check('hearings_status_check', `status IN ('bidding', 're_tender', 'opened', 'result_published')`)
@Check('hearings_schedule_check', 'opening_at >= bid_deadline')
export class Hearing {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  communityId: string;

  @Column('uuid')
  agendaItemId: string;

  @Column('text')
  title: string;

  @Column('text')
  description: string;

  @Column('text')
  place: string;

  /** Published with the hearing and never changed: weights are integer percent adding up to 100. */
  @Column({ type: 'jsonb' })
  criteria: Criterion[];

  @Column({ type: 'timestamptz' })
  bidDeadline: Date;

  @Column({ type: 'timestamptz' })
  openingAt: Date;

  @Column('text')
  status: HearingStatus;

  @Column({ type: 'timestamptz', nullable: true })
  openedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  openedBy: string | null;

  /** Ranking, per-criterion means, attendance, minutes and every score sheet, as published. */
  @Column({ type: 'jsonb', nullable: true })
  result: Record<string, unknown> | null;

  @Column({ type: 'timestamptz', nullable: true })
  resultPublishedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  objectionEndsAt: Date | null;

  @Column({ type: 'jsonb', nullable: true })
  shortlist: ShortlistEntry[] | null;

  @Column('uuid')
  createdBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @VersionColumn()
  version: number;

  @ManyToOne(() => Community, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'community_id' })
  community?: Community;

  @ManyToOne(() => AgendaItem, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'agenda_item_id' })
  agendaItem?: AgendaItem;
}
