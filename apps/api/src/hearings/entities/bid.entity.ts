import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Community } from '../../registry/entities/community.entity';
import { Hearing } from './hearing.entity';

/**
 * One vendor's bid. Until the opening only metadata is in plaintext (who, when, how many versions); the content
 * lives encrypted in bid_versions. The opening fills the revealed_* columns from the final version, all bids
 * in one transaction.
 */
@Entity('bids')
@Unique(['hearingId', 'vendorUserId'])
@Check('bids_amount_check', 'amount_fen IS NULL OR amount_fen >= 0')
export class Bid {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  communityId: string;

  @Column('uuid')
  hearingId: string;

  @Column('uuid')
  vendorUserId: string;

  @Column('integer')
  currentVersion: number;

  @Column({ type: 'timestamptz' })
  firstSubmittedAt: Date;

  @Column({ type: 'timestamptz' })
  lastSubmittedAt: Date;

  @Column({ type: 'integer', nullable: true })
  revealedVersion: number | null;

  @Column({ type: 'bigint', nullable: true })
  amountFen: string | null;

  @Column({ type: 'integer', nullable: true })
  warrantyMonths: number | null;

  @Column({ type: 'integer', nullable: true })
  deliveryDays: number | null;

  @Column({ type: 'text', nullable: true })
  proposal: string | null;

  /** {name, type, size, sha256} of the revealed attachment; the bytes stay in the sealed version. */
  @Column({ type: 'jsonb', nullable: true })
  attachment: { name: string; type: string; size: number; sha256: string } | null;

  @ManyToOne(() => Community, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'community_id' })
  community?: Community;

  @ManyToOne(() => Hearing, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'hearing_id' })
  hearing?: Hearing;
}
