import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Community } from '../../registry/entities/community.entity';

export interface StatementLine {
  entryId: string;
  seq: number;
  entryDate: string;
  kind: string;
  category: string;
  amountFen: string;
  signedFen: string;
  counterparty: string;
  counterpartyKind: string;
  evidenceRef: string | null;
  reversesId: string | null;
  note: string;
}

/**
 * A period's statement of public income. Each submission is a version; a
 * revision after findings is a new version and the old one stays.
 */
@Entity('statements')
@Unique(['communityId', 'periodStart', 'version'])
@Index(['communityId', 'status'])
export class Statement {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  communityId: string;

  @Column({ type: 'date' })
  periodStart: string;

  @Column({ type: 'date' })
  periodEnd: string;

  @Column('integer')
  version: number;

  /** submitted | bank_review | audit_review | approved | returned | superseded | published */
  @Column('text')
  status: string;

  @Column({ type: 'bigint' })
  openingFen: string;

  @Column({ type: 'bigint' })
  incomeFen: string;

  @Column({ type: 'bigint' })
  costFen: string;

  @Column({ type: 'bigint' })
  transferFen: string;

  @Column({ type: 'bigint' })
  closingFen: string;

  @Column({ type: 'jsonb' })
  lines: StatementLine[];

  @Column({ type: 'jsonb' })
  byCategory: { kind: string; category: string; netFen: string }[];

  /** SHA-256 of the canonical statement content (what the auditors approved). */
  @Column('text')
  contentDigest: string;

  @Column('uuid')
  compiledBy: string;

  /** The statement of the period before, whose closing balance is this one's opening balance. */
  @Column({ type: 'uuid', nullable: true })
  previousStatementId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  submittedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'date', nullable: true })
  postedUntil: string | null;

  /** The sealed PDF, once published. */
  @Column({ type: 'uuid', nullable: true })
  documentId: string | null;

  @ManyToOne(() => Community, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'community_id' })
  community?: Community;
}
