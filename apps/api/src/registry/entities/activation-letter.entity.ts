import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One printed activation code (激活通知书) for one owner; the code itself is never stored, only its keyed hash. */
@Entity('activation_letters')
export class ActivationLetter {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  communityId: string;

  @Column('uuid')
  ownerId: string;

  @Column('text')
  codeHash: string;

  @Column('uuid')
  issuedBy: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  issuedAt: Date;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  usedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  revokedBy: string | null;

  @Column({ type: 'integer', default: 0 })
  failedAttempts: number;
}
