import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { Community } from '../../registry/entities/community.entity';

/** 议题: a matter travelling through the consultation chain. */
@Entity('agenda_items')
@Unique(['communityId', 'seq'])
export class AgendaItem {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  communityId: string;

  /** Per-community running number shown as 议题第 N 号. */
  @Column('integer')
  seq: number;

  @Column('text')
  title: string;

  /** 民法典 Art. 278 item (art278_1 … art278_9) or committee_only. */
  @Column('text')
  category: string;

  @Column('text')
  description: string;

  @Column({ type: 'bigint', nullable: true })
  budgetFen: string | null;

  @Column({ type: 'text', nullable: true })
  fundingSource: string | null;

  @Column('uuid')
  proposerId: string;

  @Column('integer')
  rulebookVersion: number;

  /** in_stage | returned | rejected | done (see libs/domain/src/chain) */
  @Column('text')
  status: string;

  @Column({ type: 'text', nullable: true })
  currentStage: string | null;

  /** The chain state machine's state (libs/domain/src/chain), stored as it returns it. */
  @Column({ type: 'jsonb' })
  chainState: unknown;

  /** The option the owners chose (e.g. a shortlisted bid), recorded for execution. */
  @Column({ type: 'jsonb', nullable: true })
  chosenOption: unknown;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;

  @ManyToOne(() => Community, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'community_id' })
  community?: Community;
}
