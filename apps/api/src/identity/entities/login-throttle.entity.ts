import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Failed logins per identifier (whether or not such an account exists). */
@Entity('login_throttles')
export class LoginThrottle {
  @PrimaryColumn('text')
  identifier: string;

  @Column({ type: 'integer', default: 0 })
  failures: number;

  @Column({ type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
