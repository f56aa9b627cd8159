import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Community } from '../../registry/entities/community.entity';
import { Seal } from './seal.entity';
import { SealRequest } from './seal-request.entity';

/**
 * 用章登记: every application or refusal of a seal. Names are copied in as they were at the time; the
 * database refuses UPDATE and DELETE.
 */
@Entity('seal_log_entries')
@Index(['communityId', 'usedAt'])
@Index(['requestId'])
@Check('seal_log_entries_outcome_check', `outcome IN ('applied', 'refused')`)
export class SealLogEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  communityId: string;

  @Column('uuid')
  sealId: string;

  @Column('text')
  sealKind: string;

  @Column('text')
  sealName: string;

  @Column('uuid')
  requestId: string;

  @Column('uuid')
  documentId: string;

  @Column('text')
  documentNumber: string;

  @Column('text')
  documentTitle: string;

  @Column('text')
  decision: string;

  @Column('uuid')
  requestedBy: string;

  @Column('text')
  requestedByName: string;

  @Column('uuid')
  custodianId: string;

  @Column('text')
  custodianName: string;

  /** applied | refused */
  @Column('text')
  outcome: string;

  @Column({ type: 'text', default: '' })
  reason: string;

  /** SHA-256 of the PDF revision the application produced. */
  @Column({ type: 'text', nullable: true })
  fileSha256: string | null;

  @Column({ type: 'timestamptz' })
  usedAt: Date;

  @ManyToOne(() => Community, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'community_id' })
  community?: Community;

  @ManyToOne(() => Seal, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'seal_id' })
  seal?: Seal;

  @ManyToOne(() => SealRequest, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'request_id' })
  request?: SealRequest;
}
