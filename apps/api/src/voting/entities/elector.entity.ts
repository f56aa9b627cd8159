import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Community } from '../../registry/entities/community.entity';
import { AssemblyVote } from './assembly-vote.entity';

/**
 * The electoral roll frozen when the notice is published: one row per voter
 * (an owner, or all developer-held units together), carrying the sum of the
 * areas of the units they vote for.
 */
@Entity('electors')
@Unique(['voteId', 'voterKey'])
export class Elector {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  communityId: string;

  @Column('uuid')
  voteId: string;

  /** Owner id, or "developer". */
  @Column('text')
  voterKey: string;

  @Column({ type: 'uuid', nullable: true })
  ownerId: string | null;

  @Column('text')
  name: string;

  @Column({ type: 'bigint' })
  areaHundredths: string;

  @Column({ type: 'text', array: true })
  unitNumbers: string[];

  @Column({ type: 'text', array: true })
  buildings: string[];

  @ManyToOne(() => Community, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'community_id' })
  community?: Community;

  @ManyToOne(() => AssemblyVote, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'vote_id' })
  vote?: AssemblyVote;
}
