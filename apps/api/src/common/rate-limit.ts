import { CanActivate, ExecutionContext, HttpException, HttpStatus, Injectable, Logger, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import type { LimitsConfig } from '../config/limits-config';
import { PUBLIC_KEY } from '../identity/decorators';

export type RateBucket = 'login' | 'verify' | 'public';
const RATE_LIMIT_KEY = 'gongyi:rate-limit';
const WINDOW_SECONDS = 60;
/** Monitoring polls health; it must stay cheap and never be refused. */
const EXEMPT_PATHS = new Set(['/api/health']);

/** A stricter per-client budget than the default for public routes. */
export const RateLimit = (bucket: RateBucket) => SetMetadata(RATE_LIMIT_KEY, bucket);

/**
 * Per-client request budgets of public routes (login, verify, public pages), counted in PostgreSQL so that
 * several server processes share them: one upsert per hit into an UNLOGGED table, fixed one-minute windows.
 * If the database cannot count, the request goes through: the route itself answers 503 then.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly logger = new Logger('RateLimit');

  constructor(
    private readonly reflector: Reflector,
    private readonly dataSource: DataSource,
    private readonly limits: LimitsConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<Request>();
    if (EXEMPT_PATHS.has(request.path)) return true;
    const targets = [context.getHandler(), context.getClass()];
    const bucket =
      this.reflector.getAllAndOverride<RateBucket | undefined>(RATE_LIMIT_KEY, targets) ??
      (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets) ? 'public' : undefined);
    if (!bucket) return true;
    const limit = { login: this.limits.loginPerMinute, verify: this.limits.verifyPerMinute, public: this.limits.publicPerMinute }[bucket];
    const client = request.ip ?? request.socket.remoteAddress ?? 'unknown';
    let row: { hits: number; retry_after: number } | undefined;
    try {
      [row] = await this.dataSource.query<{ hits: number; retry_after: number }[]>(
        `INSERT INTO rate_limit_hits AS r (bucket, client, window_start, hits)
         VALUES ($1, $2, to_timestamp(floor(extract(epoch FROM now()) / $3) * $3), 1)
         ON CONFLICT (bucket, client) DO UPDATE SET
           hits = CASE WHEN r.window_start = EXCLUDED.window_start THEN r.hits + 1 ELSE 1 END,
           window_start = EXCLUDED.window_start
         RETURNING hits, ceil(extract(epoch FROM window_start + make_interval(secs => $3) - now()))::int AS retry_after`,
        [bucket, client, WINDOW_SECONDS],
      );
    } catch (error) {
      this.logger.warn(`rate limit not counted: ${(error as Error).message}`);
      return true;
    }
    // One row per client and bucket: now and then, forget clients not seen for ten minutes.
    if (Math.random() < 0.001)
      void this.dataSource.query(`DELETE FROM rate_limit_hits WHERE window_start < now() - interval '10 minutes'`).catch(() => undefined);
    if (row && row.hits > limit) {
      const seconds = Math.max(1, row.retry_after);
      context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(seconds));
      throw new HttpException(
        { code: 'rate_limited', message: `请求过于频繁，请 ${seconds} 秒后再试 (too many requests; retry in ${seconds} s)` },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    return true;
  }
}
