import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/** The slow-down never grows past this: it deters guessing without making a typo cost minutes. */
export const MAX_SLOWDOWN_MS = 8_000;

/**
 * Failed logins are counted twice, in PostgreSQL so every server process sees the same figures:
 * - per identifier (login_throttles): each failure after the second waits longer (doubling), whoever sent it;
 * - per identifier + client (login_lockouts): LOGIN_MAX_FAILURES in a row lock that pair for LOGIN_LOCK_MINUTES.
 * A stranger guessing an owner's mobile number therefore locks only themselves out; the owner, from their own
 * phone, still logs in (a wrong password of theirs is slowed down, a right one never is).
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async assertNotLocked(identifier: string, client: string): Promise<void> {
    const [row] = await this.dataSource.query<{ locked_until: Date | null }[]>(
      'SELECT locked_until FROM login_lockouts WHERE identifier = $1 AND client = $2',
      [identifier, client],
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

  /** Counts a failure atomically (both counters in one statement) and waits the slow-down delay it earns. */
  async recordFailure(identifier: string, client: string): Promise<void> {
    const { loginMaxFailures, loginLockMinutes, loginSlowdownMs } = this.config;
    // A counter whose last failure is older than the lock period starts again from one. The pair's upsert runs
    // as a data-modifying CTE: PostgreSQL executes it whether or not the main statement reads it.
    const [row] = await this.dataSource.query<{ failures: number }[]>(
      `WITH pair AS (
         INSERT INTO login_lockouts AS l (identifier, client, failures, locked_until, updated_at)
         VALUES ($1, $2, 1, CASE WHEN 1 >= $3 THEN now() + make_interval(mins => $4) END, now())
         ON CONFLICT (identifier, client) DO UPDATE SET
           failures = CASE WHEN l.updated_at < now() - make_interval(mins => $4) OR l.locked_until <= now()
                           THEN 1 ELSE l.failures + 1 END,
           locked_until = CASE WHEN (CASE WHEN l.updated_at < now() - make_interval(mins => $4) OR l.locked_until <= now()
                                          THEN 1 ELSE l.failures + 1 END) >= $3
                               THEN now() + make_interval(mins => $4) END,
           updated_at = now()
         RETURNING 1
       )
       INSERT INTO login_throttles AS t (identifier, failures, locked_until, updated_at)
       VALUES ($1, 1, NULL, now())
       ON CONFLICT (identifier) DO UPDATE SET
         failures = CASE WHEN t.updated_at < now() - make_interval(mins => $4) THEN 1 ELSE t.failures + 1 END,
         locked_until = NULL,
         updated_at = now()
       RETURNING t.failures`,
      [identifier, client, loginMaxFailures, loginLockMinutes],
    );
    const delay = slowdownMs(row.failures, loginSlowdownMs);
    if (delay > 0) await new Promise((r) => setTimeout(r, delay));
  }

  /** A right password ends this client's lockout streak and the identifier's slow-down. */
  async reset(identifier: string, client: string): Promise<void> {
    await this.dataSource.query(
      `WITH pair AS (DELETE FROM login_lockouts WHERE identifier = $1 AND client = $2)
       DELETE FROM login_throttles WHERE identifier = $1`,
      [identifier, client],
    );
  }
}

/** Delay after the n-th failure in a row for an identifier: none for the first two, then base × 2^(n-2), capped. */
export function slowdownMs(failures: number, base: number): number {
  if (failures < 2 || base <= 0) return 0;
  return Math.min(base * 2 ** Math.min(failures - 2, 20), MAX_SLOWDOWN_MS);
}
