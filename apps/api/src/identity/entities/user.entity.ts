import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('users')
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Lower-cased; either this or mobile identifies the account at login. */
  @Column({ type: 'text', unique: true, nullable: true })
  loginName: string | null;

  @Column({ type: 'text', unique: true, nullable: true })
  mobile: string | null;

  @Column('text')
  displayName: string;

  @Column('text')
  passwordHash: string;

  @Column({ type: 'boolean', default: false })
  isPlatformAdmin: boolean;

  @Column({ type: 'boolean', default: false })
  mustChangePassword: boolean;

  /** Who made the account, when someone else did (the platform admin may not grant roles to accounts it made). */
  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
