import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Community } from '../../registry/entities/community.entity';
import { AgendaItem } from './agenda-item.entity';

/** 物业执行: a progress report by the property company on a decided item. */
@Entity('execution_reports')
@Index(['agendaItemId', 'reportedAt'])
@Check('execution_reports_percent', 'progress_percent BETWEEN 0 AND 100')
@Check('execution_reports_amount', 'amount_fen IS NULL OR amount_fen >= 0')
export class ExecutionReport {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  communityId: string;

  @Column('uuid')
  agendaItemId: string;

  @Column('integer')
  progressPercent: number;

  @Column('text')
  text: string;

  /** Amount spent in this report's work, integer fen (null: none stated). */
  @Column({ type: 'bigint', nullable: true })
  amountFen: string | null;

  @Column('uuid')
  reportedBy: string;

  @Column({ type: 'timestamptz' })
  reportedAt: Date;

  @ManyToOne(() => Community, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'community_id' })
  community?: Community;

  @ManyToOne(() => AgendaItem, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'agenda_item_id' })
  agendaItem?: AgendaItem;
}
