import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Community } from '../../registry/entities/community.entity';

/** A message to everyone holding a role in a community (e.g. the 居委会 told of an assembly notice). */
@Entity('notifications')
@Index(['communityId', 'recipientRole', 'createdAt'])
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  communityId: string;

  @Column('text')
  recipientRole: string;

  /** One person, when the message is theirs alone (a custodian, a reviewer); null = everyone with the role. */
  @Column({ type: 'uuid', nullable: true })
  recipientUserId: string | null;

  @Column('text')
  subject: string;

  @Column('text')
  body: string;

  /** What it is about, e.g. "assembly_vote". */
  @Column('text')
  subjectType: string;

  @Column({ type: 'uuid', nullable: true })
  subjectId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @ManyToOne(() => Community, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'community_id' })
  community?: Community;
}
