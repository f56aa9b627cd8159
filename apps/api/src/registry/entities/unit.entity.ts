import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
  JoinColumn,
  ManyToOne,
} from 'typeorm';
import { Community } from './community.entity';
import { Building } from './building.entity';

export const AREA_SOURCES = ['registry', 'survey', 'contract'] as const;
export type AreaSource = (typeof AREA_SOURCES)[number];
export const UNIT_STATUSES = ['sold', 'unsold', 'undelivered'] as const;
export type UnitStatus = (typeof UNIT_STATUSES)[number];
export const UNIT_KINDS = ['residential', 'commercial', 'parking'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** 专有部分: one unit with its exclusive area (exact numeric, never float). */
@Entity('units')
@Unique(['communityId', 'number'])
@Index(['communityId', 'buildingId'])
@Check('units_area_source_check', `area_source IN ('registry', 'survey', 'contract')`)
@Check('units_status_check', `status IN ('sold', 'unsold', 'undelivered')`)
@Check('units_kind_check', `kind IN ('residential', 'commercial', 'parking')`)
@Check('units_area_positive', 'exclusive_area > 0')
export class Unit {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  communityId: string;

  @Column('uuid')
  buildingId: string;

  @Column({ type: 'text', default: '' })
  stairwell: string;

  @Column('text')
  room: string;

  /** Match key and display number: 楼栋-单元-房号, e.g. "3-1-502" (单元 omitted when empty). */
  @Column('text')
  number: string;

  @Column({ type: 'text', default: 'residential' })
  kind: UnitKind;

  /** m² with two decimals; TypeORM returns numeric as a string, which we keep. */
  @Column({ type: 'numeric', precision: 12, scale: 2 })
  exclusiveArea: string;

  @Column('text')
  areaSource: AreaSource;

  @Column({ type: 'text', default: 'sold' })
  status: UnitStatus;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @ManyToOne(() => Community, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'community_id' })
  community?: Community;

  @ManyToOne(() => Building, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'building_id' })
  building?: Building;
}
