import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Community } from '../../registry/entities/community.entity';
import { Statement } from './statement.entity';

/** The explanation of one difference (an unmatched ledger entry or bank line). */
@Entity('reconciliation_notes')
@Unique(['statementId', 'itemId'])
export class ReconciliationNote {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  communityId: string;

  @Column('uuid')
  statementId: string;

  /** A ledger entry id or a bank line id. */
  @Column('uuid')
  itemId: string;

  @Column('text')
  explanation: string;

  @Column('uuid')
  writtenBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @ManyToOne(() => Community, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'community_id' })
  community?: Community;

  @ManyToOne(() => Statement, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'statement_id' })
  statement?: Statement;
}
