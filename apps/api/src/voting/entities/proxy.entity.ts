import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Community } from '../../registry/entities/community.entity';
import { AssemblyVote } from './assembly-vote.entity';

/** 委托书: an elector's written authorisation for another person to vote for them in this vote. */
@Entity('proxies')
// One open (pending or confirmed) proxy per grantor: a partial unique index, see migration ProxyFourEyes.
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

  /** pending (entered, waiting for a second member) | confirmed (counts) | revoked (by the principal) | void (principal voted) */
  @Column({ type: 'text', default: 'pending' })
  status: string;

  @Column({ type: 'uuid', nullable: true })
  confirmedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  endedBy: string | null;

  @Column({ type: 'bytea', nullable: true, select: false })
  scan: Buffer | null;

  @Column({ type: 'text', nullable: true })
  scanName: string | null;

  @Column({ type: 'text', nullable: true })
  scanType: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @ManyToOne(() => Community, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'community_id' })
  community?: Community;

  @ManyToOne(() => AssemblyVote, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'vote_id' })
  vote?: AssemblyVote;
}
