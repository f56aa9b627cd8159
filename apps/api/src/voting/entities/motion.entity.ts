import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Community } from '../../registry/entities/community.entity';
import { AssemblyVote } from './assembly-vote.entity';

export interface MotionOption {
  id: string;
  label: string;
}

/** One motion of a notice; frozen once the notice is published. */
@Entity('motions')
@Unique(['voteId', 'seq'])
export class Motion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  communityId: string;

  @Column('uuid')
  voteId: string;

  @Column('integer')
  seq: number;

  @Column('text')
  title: string;

  @Column('text')
  fullText: string;

  /** The 民法典 Art. 278 item deciding the threshold. */
  @Column('text')
  category: string;

  /** yes_no | options */
  @Column('text')
  kind: string;

  @Column({ type: 'jsonb', default: [] })
  options: MotionOption[];

  @ManyToOne(() => Community, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'community_id' })
  community?: Community;

  @ManyToOne(() => AssemblyVote, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'vote_id' })
  vote?: AssemblyVote;
}
