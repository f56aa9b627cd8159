import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/**
 * Repeated failures for one identifier first slow the answer down (doubling
 * delay after the second failure) and then lock the identifier for a while.
 * Kept in PostgreSQL so every server process sees the same count.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async assertNotLocked(identifier: string): Promise<void> {
    const [row] = await this.dataSource.query<{ locked_until: Date | null }[]>(
      'SELECT locked_until FROM login_throttles WHERE identifier = $1',
      [identifier],
    );
    if (row?.locked_until && row.locked_until > new Date()) {
      const minutes = Math.ceil((row.locked_until.getTime() - Date.now()) / 60000);
      throw new HttpException(
        {
          code: 'login_locked',
          message: `登录失败次数过多，请 ${minutes} 分钟后再试 (too many failed logins; try again in ${minutes} min)`,
        },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
  }

  /** Counts a failure atomically and waits the slow-down delay it earns. */
  async recordFailure(identifier: string): Promise<void> {
    const { loginMaxFailures, loginLockMinutes, loginSlowdownMs } = this.config;
    const [row] = await this.dataSource.query<{ failures: number }[]>(
      `INSERT INTO login_throttles (identifier, failures, locked_until, updated_at)
       VALUES ($1, 1, NULL, now())
       ON CONFLICT (identifier) DO UPDATE SET
         failures = CASE WHEN login_throttles.locked_until IS NOT NULL AND login_throttles.locked_until <= now()
                         THEN 1 ELSE login_throttles.failures + 1 END,
         locked_until = CASE WHEN (CASE WHEN login_throttles.locked_until IS NOT NULL AND login_throttles.locked_until <= now()
                                        THEN 1 ELSE login_throttles.failures + 1 END) >= $2
                             THEN now() + make_interval(mins => $3) ELSE NULL END,
         updated_at = now()
       RETURNING failures`,
      [identifier, loginMaxFailures, loginLockMinutes],
    );
    const failures = row.failures;
    if (failures >= 2 && failures < loginMaxFailures && loginSlowdownMs > 0) {
      await new Promise((r) => setTimeout(r, loginSlowdownMs * 2 ** (failures - 2)));
    }
  }

  async reset(identifier: string): Promise<void> {
    await this.dataSource.query('DELETE FROM login_throttles WHERE identifier = $1', [identifier]);
  }
}
