import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Community } from '../../registry/entities/community.entity';
import { Document } from './document.entity';

export interface AppliedSeal {
  kind: 'assembly' | 'committee';
  sealId: string;
  sealName: string;
  custodianName: string;
  appliedAt: string;
}

/**
 * One signed revision of a document's PDF: each applied seal adds one (an incremental update of the previous).
 * Rows are insert-only (the database refuses UPDATE and DELETE); the last revision of a completed request is final.
 */
@Entity('document_files')
@Unique(['documentId', 'revision'])
@Index(['sha256'])
export class DocumentFile {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  communityId: string;

  @Column('uuid')
  documentId: string;

  /** The seal request this revision belongs to. */
  @Column({ type: 'uuid', nullable: true })
  requestId: string | null;

  @Column('integer')
  revision: number;

  /** The file itself when it is kept in the database (stored_in = 'database'); null when in the S3 store. */
  @Column({ type: 'bytea', select: false, nullable: true })
  bytes: Buffer | null;

  /** Where the bytes are: 'database' (this row) or 's3' (FILE_STORE=s3, key from the SHA-256: file-store.ts). */
  @Column({ type: 'text', default: 'database' })
  storedIn: 'database' | 's3';

  @Column('text')
  sha256: string;

  @Column('integer')
  size: number;

  /** Seals applied so far, in signing order. */
  @Column({ type: 'jsonb' })
  seals: AppliedSeal[];

  @Column('boolean')
  isFinal: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @ManyToOne(() => Community, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'community_id' })
  community?: Community;

  @ManyToOne(() => Document, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'document_id' })
  document?: Document;
}
