import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, JoinColumn, ManyToOne } from 'typeorm';
import { Community } from '../../registry/entities/community.entity';
import { User } from './user.entity';
import { COMMUNITY_ROLES, type CommunityRole } from '../roles';

@Entity('role_assignments')
@Index(['communityId', 'userId'])
@Check('role_assignments_role_check', `role IN (${COMMUNITY_ROLES.map((r) => `'${r}'`).join(', ')})`)
// ends_on = starts_on - 1 records a grant revoked before it took effect.
@Check('role_assignments_dates_check', 'ends_on IS NULL OR ends_on >= starts_on - 1')
export class RoleAssignment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  communityId: string;

  @Column('uuid')
  userId: string;

  @Column('text')
  role: CommunityRole;

  /** Inclusive dates in the community's time zone. */
  @Column({ type: 'date' })
  startsOn: string;

  @Column({ type: 'date', nullable: true })
  endsOn: string | null;

  @Column({ type: 'uuid', nullable: true })
  grantedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @ManyToOne(() => Community, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'community_id' })
  community?: Community;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'user_id' })
  user?: User;
}
