import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Community } from '../../registry/entities/community.entity';
import { Bid } from './bid.entity';

/**
 * One submitted version of a bid, sealed: AES-256-GCM over the whole content (figures, proposal, attachment),
 * with a SHA-256 commitment of the plaintext so the opening proves nothing changed since submission.
 */
@Entity('bid_versions')
@Unique(['bidId', 'version'])
export class BidVersion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  communityId: string;

  @Column('uuid')
  hearingId: string;

  @Column('uuid')
  bidId: string;

  @Column('integer')
  version: number;

  @Column({ type: 'timestamptz' })
  submittedAt: Date;

  @Column({ type: 'bytea' })
  iv: Buffer;

  @Column({ type: 'bytea' })
  ciphertext: Buffer;

  @Column({ type: 'bytea' })
  authTag: Buffer;

  /** SHA-256 (hex) of the sealed plaintext, which includes a random nonce so a guessed amount cannot be confirmed. */
  @Column('text')
  commitment: string;

  @ManyToOne(() => Community, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'community_id' })
  community?: Community;

  @ManyToOne(() => Bid, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'bid_id' })
  bid?: Bid;
}
