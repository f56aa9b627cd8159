import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { Document } from '../../documents/entities/document.entity';
import { Community } from '../../registry/entities/community.entity';
import { Seal } from './seal.entity';

/**
 * 用章申请: a document, the decision that authorises sealing it, and the seals it needs. The seals are pinned
 * when the request is made, so the impressions drawn and the keys that sign always belong to the same seals.
 */
@Entity('seal_requests')
@Index(['communityId', 'status'])
@Index('seal_requests_one_pending_per_document', ['documentId'], { unique: true, where: `status = 'pending'` })
@Check('seal_requests_status_check', `status IN ('pending', 'completed', 'refused')`)
export class SealRequest {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  communityId: string;

  @Column('uuid')
  documentId: string;

  /** The agenda item whose decision authorises the use, when the decision is one. */
  @Column({ type: 'uuid', nullable: true })
  agendaItemId: string | null;

  /** The decision cited, as printed in the signature reason and the seal log. */
  @Column('text')
  decision: string;

  @Column('uuid')
  committeeSealId: string;

  /** Set when the assembly seal is needed too (major decisions: 民法典 Art. 278 matters). */
  @Column({ type: 'uuid', nullable: true })
  assemblySealId: string | null;

  /** pending | completed | refused */
  @Column('text')
  status: string;

  @Column('uuid')
  requestedBy: string;

  /** Made by the publishing step (system), not asked by a person: any custodian may apply it (never both seals). */
  @Column({ type: 'boolean', default: false })
  onPublication: boolean;

  @Column({ type: 'timestamptz' })
  requestedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @VersionColumn()
  version: number;

  @ManyToOne(() => Community, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'community_id' })
  community?: Community;

  @ManyToOne(() => Document, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'document_id' })
  document?: Document;

  @ManyToOne(() => Seal, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'committee_seal_id' })
  committeeSeal?: Seal;

  @ManyToOne(() => Seal, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'assembly_seal_id' })
  assemblySeal?: Seal;
}
