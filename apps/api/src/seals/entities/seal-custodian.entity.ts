import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../../identity/entities/user.entity';
import { Community } from '../../registry/entities/community.entity';
import { Seal } from './seal.entity';

/** Who keeps a seal. Assignments are ended, never deleted, so the history of custody stays. */
@Entity('seal_custodians')
@Index(['sealId', 'endedAt'])
export class SealCustodian {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  communityId: string;

  @Column('uuid')
  sealId: string;

  @Column('uuid')
  userId: string;

  @Column('uuid')
  assignedBy: string;

  @Column({ type: 'timestamptz' })
  assignedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  endedBy: string | null;

  @ManyToOne(() => Community, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'community_id' })
  community?: Community;

  @ManyToOne(() => Seal, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'seal_id' })
  seal?: Seal;

  @ManyToOne(() => User, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'user_id' })
  user?: User;
}
