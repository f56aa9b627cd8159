import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { PanelKind } from '@gongyi/domain/hearings/panel';
import { Community } from '../../registry/entities/community.entity';
import { Hearing } from './hearing.entity';

/** A seat on the hearing panel, with the member's own declaration of interests. */
@Entity('hearing_panel_members')
@Unique(['hearingId', 'userId'])
@Check('hearing_panel_kind_check', `kind IN ('representative', 'committee', 'property_company', 'expert')`)
@Check('hearing_panel_recusal_check', 'recused = (conflict IS NOT NULL)')
export class PanelMember {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  communityId: string;

  @Column('uuid')
  hearingId: string;

  @Column('uuid')
  userId: string;

  /** Display name at the time the panel was set, as the minutes print it. */
  @Column('text')
  name: string;

  @Column('text')
  kind: PanelKind;

  /** When the member declared (null: not yet — a member scores only after declaring). */
  @Column({ type: 'timestamptz', nullable: true })
  declaredAt: Date | null;

  /** The declared conflict of interest; null when the member declared none. */
  @Column({ type: 'text', nullable: true })
  conflict: string | null;

  @Column({ type: 'boolean', default: false })
  recused: boolean;

  @ManyToOne(() => Community, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'community_id' })
  community?: Community;

  @ManyToOne(() => Hearing, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'hearing_id' })
  hearing?: Hearing;
}
