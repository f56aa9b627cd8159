import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Community } from '../../registry/entities/community.entity';

/** 议事规则: one row per version; agenda items and votes record the version they ran under. */
@Entity('rulebooks')
@Unique(['communityId', 'version'])
export class Rulebook {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  communityId: string;

  @Column('integer')
  version: number;

  @Column({ type: 'jsonb' })
  settings: unknown;

  @Column({ type: 'text', default: '' })
  note: string;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  /** The decision the version rests on: assembly_vote | residents_committee; null for the national defaults. */
  @Column({ type: 'text', nullable: true })
  basis: string | null;

  @Column({ type: 'uuid', nullable: true })
  voteId: string | null;

  @Column({ type: 'uuid', nullable: true })
  draftId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @ManyToOne(() => Community, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'community_id' })
  community?: Community;
}
