import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, JoinColumn, ManyToOne } from 'typeorm';
import { Community } from './community.entity';
import { User } from '../../identity/entities/user.entity';

export const OWNER_KINDS = ['person', 'organisation', 'developer'] as const;
export type OwnerKind = (typeof OWNER_KINDS)[number];

/**
 * 业主. Identity numbers are never stored whole: a keyed hash for matching and a
 * masked form for display. Within a community an owner is matched by mobile, or
 * by name when no mobile is known.
 */
@Entity('owners')
@Index(['communityId', 'matchKey'], { unique: true })
@Check('owners_kind_check', `kind IN ('person', 'organisation', 'developer')`)
export class Owner {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  communityId: string;

  @Column('text')
  kind: OwnerKind;

  @Column('text')
  name: string;

  @Column({ type: 'text', nullable: true })
  mobile: string | null;

  /** "m:<mobile>", "n:<name>" or "developer" (all developer-held units are one owner). */
  @Column('text')
  matchKey: string;

  @Column({ type: 'text', nullable: true })
  idNumberHash: string | null;

  @Column({ type: 'text', nullable: true })
  idNumberMasked: string | null;

  /** Keyed hashes of the mobile's last 4 digits and the identity number's last 6 (facts an owner adds to an activation code). */
  @Column({ type: 'text', nullable: true })
  mobileTailHash: string | null;

  @Column({ type: 'text', nullable: true })
  idTailHash: string | null;

  /** The account this owner logs in with, once linked. */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @ManyToOne(() => Community, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'community_id' })
  community?: Community;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'user_id' })
  user?: User | null;
}
