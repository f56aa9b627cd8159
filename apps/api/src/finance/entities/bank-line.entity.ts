import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Community } from '../../registry/entities/community.entity';
import { Statement } from './statement.entity';

/** A line of the bank's account statement uploaded for reconciliation. */
@Entity('bank_lines')
@Index(['statementId'])
export class BankLine {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  communityId: string;

  @Column('uuid')
  statementId: string;

  /** Line number in the uploaded CSV. */
  @Column('integer')
  line: number;

  @Column({ type: 'date' })
  valueDate: string;

  /** Signed: credits positive, debits negative. */
  @Column({ type: 'bigint' })
  signedFen: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'text', nullable: true })
  reference: string | null;

  @Column('text')
  uploadSha256: string;

  @Column('uuid')
  uploadedBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @ManyToOne(() => Community, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'community_id' })
  community?: Community;

  @ManyToOne(() => Statement, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'statement_id' })
  statement?: Statement;
}
