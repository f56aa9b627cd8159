import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AgendaItem } from '../../agenda/entities/agenda-item.entity';
import { Community } from '../../registry/entities/community.entity';

/**
 * 业主大会表决: the notice, its motions and the voting window. Status goes
 * draft → noticed → closed; voting is open while noticed and opensAt ≤ now < closesAt.
 */
@Entity('assembly_votes')
@Index(['agendaItemId'], { unique: true })
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

  /** Totals of the electoral roll frozen at notice (areas in hundredths). */
  @Column({ type: 'bigint', nullable: true })
  totalAreaHundredths: string | null;

  @Column({ type: 'integer', nullable: true })
  totalHeadcount: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

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
