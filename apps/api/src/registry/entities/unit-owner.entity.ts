import { Column, Entity, Index, PrimaryGeneratedColumn, Unique, JoinColumn, ManyToOne } from 'typeorm';
import { Community } from './community.entity';
import { Owner } from './owner.entity';
import { Unit } from './unit.entity';

/** Ownership of a unit; co-owners vote through exactly one designated voter. */
@Entity('unit_owners')
@Unique(['unitId', 'ownerId'])
@Index('unit_owners_one_voter', ['unitId'], { unique: true, where: 'is_designated_voter' })
@Index(['communityId', 'ownerId'])
export class UnitOwner {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  communityId: string;

  @Column('uuid')
  unitId: string;

  @Column('uuid')
  ownerId: string;

  @Column({ type: 'boolean', default: false })
  isDesignatedVoter: boolean;

  @ManyToOne(() => Community, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'community_id' })
  community?: Community;

  @ManyToOne(() => Unit, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'unit_id' })
  unit?: Unit;

  @ManyToOne(() => Owner, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'owner_id' })
  owner?: Owner;
}
