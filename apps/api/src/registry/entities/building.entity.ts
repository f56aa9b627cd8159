import { Column, Entity, PrimaryGeneratedColumn, Unique, JoinColumn, ManyToOne } from 'typeorm';
import { Community } from './community.entity';

@Entity('buildings')
@Unique(['communityId', 'name'])
export class Building {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  communityId: string;

  /** As residents say it: "1", "12幢", "A座". */
  @Column('text')
  name: string;

  @ManyToOne(() => Community, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'community_id' })
  community?: Community;
}
