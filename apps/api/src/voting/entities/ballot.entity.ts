import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Community } from '../../registry/entities/community.entity';
import { AssemblyVote } from './assembly-vote.entity';
import { Motion } from './motion.entity';

/**
 * One voter's choice on one motion. The partial unique index is the database's
 * guarantee of one ballot per voter per motion (a refused paper entry frees it).
 */
@Entity('ballots')
@Index('ballots_one_per_voter', ['motionId', 'voterKey'], { unique: true, where: `status <> 'rejected'` })
@Index(['voteId', 'receiptCode'])
@Check('ballots_channel_check', `channel IN ('online', 'paper', 'proxy')`)
@Check('ballots_status_check', `status IN ('counted', 'pending', 'rejected')`)
export class Ballot {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  communityId: string;

  @Column('uuid')
  voteId: string;

  @Column('uuid')
  motionId: string;

  @Column('text')
  voterKey: string;

  @Column({ type: 'bigint' })
  areaHundredths: string;

  /** Sealed by BallotSeal (AES-256-GCM, key per vote); opened for the tally from the closing time on. */
  @Column('text')
  choice: string;

  /** Random, kept only here: the record entry's commitment to this ballot is checked with it (ballot-commitment.ts). */
  @Column({ type: 'text', nullable: true })
  nonce: string | null;

  @Column('text')
  channel: string;

  /** counted | pending (paper, awaiting a second clerk) | rejected (paper entry refused by the second clerk) */
  @Column('text')
  status: string;

  /** Who submitted it: the owner, the proxy holder, or the clerk entering a paper ballot. */
  @Column('uuid')
  castBy: string;

  @Column({ type: 'uuid', nullable: true })
  confirmedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  /** Number of the paper ballot (书面表决票) a clerk entered. */
  @Column({ type: 'text', nullable: true })
  paperRef: string | null;

  @Column('text')
  receiptCode: string;

  @Column({ type: 'timestamptz' })
  castAt: Date;

  @ManyToOne(() => Community, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'community_id' })
  community?: Community;

  @ManyToOne(() => AssemblyVote, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'vote_id' })
  vote?: AssemblyVote;

  @ManyToOne(() => Motion, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'motion_id' })
  motion?: Motion;
}
