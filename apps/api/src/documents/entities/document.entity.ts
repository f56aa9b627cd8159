import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { AgendaItem } from '../../agenda/entities/agenda-item.entity';
import { Community } from '../../registry/entities/community.entity';

/**
 * A registered document: its number, template type and the template input it renders from. Drafts render
 * on demand; once every required seal is applied it becomes final and the database refuses any change.
 */
@Entity('documents')
@Unique(['communityId', 'year', 'seq'])
@Index(['communityId', 'createdAt'])
@Index(['sourceType', 'sourceId'])
export class Document {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  communityId: string;

  /** GY-<first 8 hex of the community id>-<year>-<6-digit per-community sequence>. */
  @Column({ type: 'text', unique: true })
  number: string;

  @Column('integer')
  year: number;

  @Column('integer')
  seq: number;

  /** Template: assembly_notice | meeting_minutes | resolution_announcement | statement | seal_log. */
  @Column('text')
  type: string;

  @Column('text')
  title: string;

  /** 发文字号, e.g. 太业委〔2026〕1号 (null for meeting records). */
  @Column({ type: 'text', nullable: true })
  issueNumber: string | null;

  /** What the input was built from, e.g. assembly_vote, meeting, statement, seal_log. */
  @Column('text')
  sourceType: string;

  @Column({ type: 'uuid', nullable: true })
  sourceId: string | null;

  /** The decision the document rests on, when there is one. */
  @Column({ type: 'uuid', nullable: true })
  agendaItemId: string | null;

  /** Template input with Dates and bigints tagged (see document-input.ts). */
  @Column({ type: 'jsonb' })
  input: unknown;

  /** contentDigest(type, number, input): the 内容摘要 printed on the last page. */
  @Column('text')
  contentDigest: string;

  /** Seal kinds the document must carry at least ('committee' always). */
  @Column({ type: 'text', array: true })
  requiredSeals: string[];

  /** draft | final */
  @Column('text')
  status: string;

  /** PDF creation date, so every render of the same input gives the same bytes. */
  @Column({ type: 'timestamptz' })
  generatedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  finalisedAt: Date | null;

  /** SHA-256 of the final signed file (the registered hash). */
  @Column({ type: 'text', nullable: true })
  fileSha256: string | null;

  @Column({ type: 'uuid', nullable: true })
  finalFileId: string | null;

  @ManyToOne(() => Community, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'community_id' })
  community?: Community;

  @ManyToOne(() => AgendaItem, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'agenda_item_id' })
  agendaItem?: AgendaItem;
}
