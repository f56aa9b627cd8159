import { Column, Entity, PrimaryGeneratedColumn, Unique, JoinColumn, ManyToOne } from 'typeorm';
import { Community } from '../../registry/entities/community.entity';

/**
 * One entry of a community's append-only decision record. Each entry's hash
 * covers its fields, the digest of its payload and the previous entry's hash;
 * the database refuses UPDATE, DELETE and TRUNCATE on the table.
 */
@Entity('record_entries')
@Unique(['communityId', 'seq'])
export class RecordEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  communityId: string;

  @Column({ type: 'bigint' })
  seq: string;

  @Column({ type: 'timestamptz' })
  occurredAt: Date;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  /** Dotted verb, e.g. "registry.roster_imported". */
  @Column('text')
  action: string;

  @Column('text')
  subjectType: string;

  @Column({ type: 'text', nullable: true })
  subjectId: string | null;

  @Column({ type: 'jsonb' })
  payload: unknown;

  @Column('text')
  payloadDigest: string;

  @Column('text')
  prevHash: string;

  @Column('text')
  hash: string;

  @ManyToOne(() => Community, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'community_id' })
  community?: Community;
}
