import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Community } from '../../registry/entities/community.entity';
import { AssemblyVote } from './assembly-vote.entity';

/** 委托书: an elector's written authorisation for another person to vote for them in this vote. */
@Entity('proxies')
@Unique(['voteId', 'grantorKey'])
@Index(['voteId', 'holderUserId'])
export class Proxy {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  communityId: string;

  @Column('uuid')
  voteId: string;

  @Column('text')
  grantorKey: string;

  @Column('uuid')
  holderUserId: string;

  /** Reference to the signed paper authorisation (scan number, archive box…). */
  @Column('text')
  authorisation: string;

  @Column('uuid')
  recordedBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @ManyToOne(() => Community, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'community_id' })
  community?: Community;

  @ManyToOne(() => AssemblyVote, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'vote_id' })
  vote?: AssemblyVote;
}
