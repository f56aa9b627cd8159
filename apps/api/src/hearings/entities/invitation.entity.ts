import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Community } from '../../registry/entities/community.entity';
import { Hearing } from './hearing.entity';

/** A vendor account invited to bid; only invited vendors see the hearing at all. */
@Entity('hearing_invitations')
@Unique(['hearingId', 'vendorUserId'])
export class Invitation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  communityId: string;

  @Column('uuid')
  hearingId: string;

  @Column('uuid')
  vendorUserId: string;

  /** The company as it bids, e.g. 甲电梯工程有限公司. */
  @Column('text')
  vendorName: string;

  @Column('uuid')
  invitedBy: string;

  @Column({ type: 'timestamptz' })
  invitedAt: Date;

  @ManyToOne(() => Community, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'community_id' })
  community?: Community;

  @ManyToOne(() => Hearing, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'hearing_id' })
  hearing?: Hearing;
}
