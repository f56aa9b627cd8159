import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { Community } from '../../registry/entities/community.entity';

export const REQUEST_STATUSES = ['filed', 'dispatched', 'accepted', 'in_progress', 'closed', 'rated', 'reopened', 'cancelled'] as const;
export type RequestStatusCode = (typeof REQUEST_STATUSES)[number];
export const PLACE_KINDS = ['unit', 'building', 'common'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];
export const ASSIGNEE_KINDS = ['building_leader', 'property_company', 'department'] as const;
export type AssigneeKind = (typeof ASSIGNEE_KINDS)[number];

/**
 * 居民点单: one request of a resident (or entered for them at a 接待日), travelling 派单 → 接单 → 评单.
 * Columns agreed with i17-services (monthly bulletin statistics): see OWNERSHIP.md.
 */
@Entity('service_requests')
@Unique(['communityId', 'seq'])
export class ServiceRequest {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  communityId: string;

  /** Number within the community, shown as 诉求 #n. */
  @Column('integer')
  seq: number;

  /** A category key of the rulebook's request rules (e.g. "repair"). */
  @Column('text')
  category: string;

  @Column('text')
  status: RequestStatusCode;

  @Column('text')
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column('text')
  placeKind: PlaceKind;

  @Column({ type: 'uuid', nullable: true })
  buildingId: string | null;

  @Column({ type: 'uuid', nullable: true })
  unitId: string | null;

  /** The common area ("3号楼电梯", "东门车棚"), or a note on the unit/building. */
  @Column({ type: 'text', default: '' })
  placeText: string;

  @Column('text')
  channel: 'online' | 'reception';

  /** The resident's account; null when staff entered it for a resident without one. */
  @Column({ type: 'uuid', nullable: true })
  filerUserId: string | null;

  @Column('text')
  filerName: string;

  @Column({ type: 'text', nullable: true })
  filerMobile: string | null;

  /** Staff who entered it (登记列账 at a reception day). */
  @Column({ type: 'uuid', nullable: true })
  enteredBy: string | null;

  @Column({ type: 'uuid', nullable: true })
  receptionDayId: string | null;

  @Column('integer')
  rulebookVersion: number;

  @Column('timestamptz')
  filedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  dispatchedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  dispatchedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  ratedAt: Date | null;

  @Column({ type: 'integer', nullable: true })
  rating: number | null;

  @Column({ type: 'text', default: '' })
  ratingComment: string;

  @Column({ type: 'timestamptz', nullable: true })
  acceptDueAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  resolveDueAt: Date | null;

  /** Set once, by the timer, when a due time passed unmet (the party secretary was told). */
  @Column({ type: 'timestamptz', nullable: true })
  escalatedAt: Date | null;

  @Column({ type: 'boolean', default: false })
  overdue: boolean;

  @Column({ type: 'integer', default: 0 })
  reopenCount: number;

  @Column({ type: 'text', nullable: true })
  assigneeKind: AssigneeKind | null;

  @Column({ type: 'uuid', nullable: true })
  assigneeUserId: string | null;

  @Column({ type: 'text', nullable: true })
  assigneeDepartment: string | null;

  /** The agenda item this request was promoted into (it then starts the chain). */
  @Column({ type: 'uuid', nullable: true })
  agendaItemId: string | null;

  /** 销号: the resident confirmed, or a documented return visit (回访). */
  @Column({ type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  confirmationKind: 'resident' | 'return_visit' | null;

  @Column({ type: 'text', default: '' })
  confirmationNote: string;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @ManyToOne(() => Community, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'community_id' })
  community?: Community;
}
