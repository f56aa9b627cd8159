import type { Electorate } from '@gongyi/domain/voting/electorate';
import type { NoticeDetails } from '@gongyi/domain/voting/notice-details';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AgendaItem } from '../../agenda/entities/agenda-item.entity';
import { Community } from '../../registry/entities/community.entity';

/**
 * 业主大会表决: the notice, its motions and the voting window. Status goes
 * draft → noticed → closed; voting is open while noticed and opensAt ≤ now < closesAt.
 */
@Entity('assembly_votes')
// One undecided (draft or open) vote per item; closed votes stay as history (migration SeveralVotesPerItem).
@Index('assembly_votes_one_open_per_item', ['agendaItemId'], { unique: true, where: "status IN ('draft', 'noticed')" })
export class AssemblyVote {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  communityId: string;

  @Column('uuid')
  agendaItemId: string;

  @Column('text')
  title: string;

  /** Place of the meeting or how owners vote online/on paper, as printed on the notice. */
  @Column('text')
  method: string;

  @Column({ type: 'text', array: true })
  channels: string[];

  @Column({ type: 'boolean', default: false })
  interim: boolean;

  @Column({ type: 'timestamptz' })
  opensAt: Date;

  @Column({ type: 'timestamptz' })
  closesAt: Date;

  /** draft | noticed | closed */
  @Column('text')
  status: string;

  @Column({ type: 'timestamptz', nullable: true })
  noticedAt: Date | null;

  @Column({ type: 'integer', nullable: true })
  rulebookVersion: number | null;

  /** Whose owners decide: the whole community or chosen buildings/stairwells (libs/domain/src/voting/electorate.ts). */
  @Column({ type: 'jsonb', default: () => `'{"scope":"community"}'::jsonb` })
  electorate: Electorate;

  /** Totals of the electoral roll frozen at notice (areas in hundredths). */
  @Column({ type: 'bigint', nullable: true })
  totalAreaHundredths: string | null;

  @Column({ type: 'integer', nullable: true })
  totalHeadcount: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  /** End of the objection period (询异期) after the preliminary count; set at close. */
  @Column({ type: 'timestamptz', nullable: true })
  objectionEndsAt: Date | null;

  /** When the committee issued the final announcement (表决结果公告), after the objection period. */
  @Column({ type: 'timestamptz', nullable: true })
  finalIssuedAt: Date | null;

  /** When the final announcement was sealed: from then on the result is final. */
  @Column({ type: 'timestamptz', nullable: true })
  resultFinalAt: Date | null;

  /** Paper-ballot return, proxy procedure, counting, scrutineers, supervision, result date, contacts, 抄送 (as drafted). */
  @Column({ type: 'jsonb', default: () => `'{}'::jsonb` })
  noticeDetails: NoticeDetails;

  /** When the notice document was sealed: the notice's publication date (publishing is the sealing). */
  @Column({ type: 'timestamptz', nullable: true })
  noticeSealedAt: Date | null;

  @Column('uuid')
  createdBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @ManyToOne(() => Community, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'community_id' })
  community?: Community;

  @ManyToOne(() => AgendaItem, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'agenda_item_id' })
  agendaItem?: AgendaItem;
}
