import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The deployment's seal root CA (one per deployment, so no community_id). Its private key is stored only
 * encrypted under the master key (AES-256-GCM, the row id bound as context).
 */
@Entity('seal_root_cas')
export class RootCa {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Always 'seal-root': the unique name stops two processes from creating two CAs. */
  @Column({ type: 'text', unique: true })
  name: string;

  @Column('text')
  certPem: string;

  @Column('text')
  keyEncrypted: string;

  /** SHA-256 of the DER certificate (hex), shown next to the download so readers can compare. */
  @Column('text')
  fingerprint: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
