import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Community } from '../../registry/entities/community.entity';
import { Bid } from './bid.entity';
import { PanelMember } from './panel-member.entity';

/** One cell of a panel member's score sheet: a bid on a criterion, 0–100. */
@Entity('hearing_scores')
@Unique(['memberId', 'bidId', 'criterion'])
@Check('hearing_scores_range', 'score BETWEEN 0 AND 100')
export class Score {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  communityId: string;

  @Column('uuid')
  hearingId: string;

  @Column('uuid')
  memberId: string;

  @Column('uuid')
  bidId: string;

  @Column('text')
  criterion: string;

  @Column('integer')
  score: number;

  @Column({ type: 'timestamptz' })
  submittedAt: Date;

  @ManyToOne(() => Community, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'community_id' })
  community?: Community;

  @ManyToOne(() => PanelMember, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'member_id' })
  member?: PanelMember;

  @ManyToOne(() => Bid, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'bid_id' })
  bid?: Bid;
}
