import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Community } from '../../registry/entities/community.entity';
import { Motion } from './motion.entity';

/** The stored, immutable tally of a motion at close (the database refuses UPDATE and DELETE). */
@Entity('tally_records')
@Unique(['motionId'])
export class TallyRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  communityId: string;

  @Column('uuid')
  voteId: string;

  @Column('uuid')
  motionId: string;

  /** serializeTally() output: bigints as strings. */
  @Column({ type: 'jsonb' })
  result: Record<string, unknown>;

  @Column('text')
  outcome: string;

  @Column('text')
  resultDigest: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** Start of the 1-year challenge period (民法典 Art. 280). */
  @Column({ type: 'timestamptz' })
  publishedAt: Date;

  @ManyToOne(() => Community, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'community_id' })
  community?: Community;

  @ManyToOne(() => Motion, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'motion_id' })
  motion?: Motion;
}
