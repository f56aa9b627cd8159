import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A photo of a request (at filing, as progress, or as closing evidence); insert-only, bytes with their sha256. */
@Entity('request_photos')
@Index(['communityId', 'requestId'])
export class RequestPhoto {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  communityId: string;

  @Column('uuid')
  requestId: string;

  @Column({ type: 'uuid', nullable: true })
  eventId: string | null;

  @Column('text')
  purpose: 'filing' | 'progress' | 'evidence';

  @Column('text')
  mime: string;

  @Column({ type: 'bytea', select: false })
  bytes: Buffer;

  @Column('text')
  sha256: string;

  @Column('integer')
  size: number;

  @Column('uuid')
  uploadedBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
