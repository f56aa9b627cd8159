import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Community } from '../../registry/entities/community.entity';
import { Statement } from './statement.entity';

/** One party's sign-off or findings (三审). */
@Entity('statement_reviews')
@Index(['statementId'])
export class StatementReview {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  communityId: string;

  @Column('uuid')
  statementId: string;

  /** residents_committee | bank | audit_firm */
  @Column('text')
  stage: string;

  @Column('uuid')
  reviewerId: string;

  /** approve | findings */
  @Column('text')
  decision: string;

  @Column({ type: 'text', default: '' })
  findings: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @ManyToOne(() => Community, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'community_id' })
  community?: Community;

  @ManyToOne(() => Statement, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'statement_id' })
  statement?: Statement;
}
