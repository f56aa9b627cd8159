import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Community } from '../../registry/entities/community.entity';
import { AssemblyVote } from './assembly-vote.entity';
import { Elector } from './elector.entity';

/** An owner's objection to the preliminary count (询异), and the committee's answer to it. */
@Entity('vote_objections')
@Index('vote_objections_vote_idx', ['voteId', 'filedAt'])
export class VoteObjection {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  communityId: string;

  @Column('uuid')
  voteId: string;

  /** The roll entry the objector is on: only owners of the vote's electorate may object. */
  @Column('uuid')
  electorId: string;

  @Column('uuid')
  filedBy: string;

  /** The unit the objection concerns, when the owner names one (one of their own on the roll). */
  @Column({ type: 'text', nullable: true })
  unitNumber: string | null;

  @Column('text')
  text: string;

  @Column({ type: 'timestamptz' })
  filedAt: Date;

  @Column({ type: 'text', nullable: true })
  answer: string | null;

  @Column({ type: 'uuid', nullable: true })
  answeredBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  answeredAt: Date | null;

  @ManyToOne(() => Community, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'community_id' })
  community?: Community;

  @ManyToOne(() => AssemblyVote, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'vote_id' })
  vote?: AssemblyVote;

  @ManyToOne(() => Elector, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'elector_id' })
  elector?: Elector;
}
