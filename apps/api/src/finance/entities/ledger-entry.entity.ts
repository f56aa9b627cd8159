import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Community } from '../../registry/entities/community.entity';

/**
 * One line of the public-income ledger (公共收益台账). Never edited or deleted
 * (the database refuses it): a correction is a reversing entry citing the one it corrects.
 */
@Entity('ledger_entries')
@Unique(['communityId', 'seq'])
@Index(['communityId', 'entryDate'])
@Check('ledger_entries_kind_check', `kind IN ('income', 'cost', 'transfer')`)
@Check('ledger_entries_amount_check', 'amount_fen > 0')
@Check('ledger_entries_counterparty_kind_check', `counterparty_kind IN ('organisation', 'person')`)
export class LedgerEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  communityId: string;

  @Column('integer')
  seq: number;

  /** income | cost | transfer (to the maintenance fund); a reversal keeps the kind of what it corrects. */
  @Column('text')
  kind: string;

  @Column('text')
  category: string;

  @Column({ type: 'bigint' })
  amountFen: string;

  @Column({ type: 'date' })
  entryDate: string;

  @Column('text')
  counterparty: string;

  /** A private person's name is never published. */
  @Column({ type: 'text', default: 'organisation' })
  counterpartyKind: string;

  /** Invoice, contract or bank reference; matched against the bank statement. */
  @Column({ type: 'text', nullable: true })
  evidenceRef: string | null;

  @Column({ type: 'text', default: '' })
  note: string;

  @Column({ type: 'uuid', nullable: true })
  reversesId: string | null;

  /** The approved agenda item a cost above the spending limit cites. */
  @Column({ type: 'uuid', nullable: true })
  decisionItemId: string | null;

  @Column('uuid')
  recordedBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @ManyToOne(() => Community, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'community_id' })
  community?: Community;

  @ManyToOne(() => LedgerEntry, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'reverses_id' })
  reverses?: LedgerEntry | null;
}
