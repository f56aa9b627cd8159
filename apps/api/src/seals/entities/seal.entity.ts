import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import { Community } from '../../registry/entities/community.entity';

export const SEAL_KINDS = ['assembly', 'committee'] as const;
export type SealKind = (typeof SEAL_KINDS)[number];

/**
 * 印章: one seal of one community and term — a key pair and a certificate issued by the deployment root CA.
 * The id is chosen before insert because it is bound into the encrypted key as context.
 */
@Entity('seals')
@Unique(['communityId', 'kind', 'term'])
@Index('seals_one_active_per_kind', ['communityId', 'kind'], { unique: true, where: `status = 'active'` })
@Check('seals_kind_check', `kind IN ('assembly', 'committee')`)
@Check('seals_status_check', `status IN ('active', 'retired')`)
export class Seal {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  communityId: string;

  @Column('text')
  kind: SealKind;

  /** 届别 */
  @Column('integer')
  term: number;

  /** active | retired */
  @Column('text')
  status: string;

  /** Certificate CN, e.g. 幸福里小区业主大会章（第三届）. */
  @Column('text')
  commonName: string;

  @Column('text')
  certPem: string;

  /**
   * Seals issued before seal PINs: encryptPrivateKey(keyPem, MASTER_KEY, id), kept only until every custodian
   * holds a PIN-protected copy (seal_key_copies); never used to sign. Null for every seal issued since.
   */
  @Column({ type: 'text', select: false, nullable: true })
  keyEncrypted: string | null;

  @Column('text')
  serialNumber: string;

  @Column('text')
  fingerprint: string;

  @Column({ type: 'timestamptz' })
  notBefore: Date;

  @Column({ type: 'timestamptz' })
  notAfter: Date;

  @Column('uuid')
  issuedBy: string;

  @Column({ type: 'timestamptz' })
  issuedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  retiredAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  retiredBy: string | null;

  @Column({ type: 'text', nullable: true })
  retireReason: string | null;

  @ManyToOne(() => Community, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'community_id' })
  community?: Community;
}
