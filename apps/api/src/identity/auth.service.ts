import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Invalid } from '../common/app-error';
import { BatchQueue } from '../common/batch-queue';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { AuthUser } from './decorators';
import type { CommunityRole } from './roles';
import { Session } from './entities/session.entity';
import { User } from './entities/user.entity';
import { LoginThrottleService } from './login-throttle.service';
import { PasswordService, validatePasswordStrength } from './password.service';

export const JWT_ALGORITHM = 'HS256' as const;

export interface TokenClaims {
  sub: string;
  sid: string;
}

export interface LoginResult {
  token: string;
  expiresAt: string;
  user: { id: string; displayName: string; isPlatformAdmin: boolean; mustChangePassword: boolean };
}

const BAD_LOGIN = '账号或密码错误 (wrong login or password)';

/** Verified tokens kept (token → claims until the token's own expiry); the oldest go first beyond this many. */
const VERIFIED_TOKENS_MAX = 20_000;

interface SessionKey {
  sid: string;
  sub: string;
  communityId: string | null;
}

interface SessionRow {
  id: string;
  display_name: string;
  is_platform_admin: boolean;
  must_change_password: boolean;
  roles: CommunityRole[] | null;
}

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jwt: JwtService,
    private readonly passwords: PasswordService,
    private readonly throttle: LoginThrottleService,
  ) {}

  async login(login: string, password: string, client = 'unknown'): Promise<LoginResult> {
    const identifier = login.trim().toLowerCase();
    await this.throttle.assertNotLocked(identifier, client);
    const user = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .where('u.login_name = :id OR u.mobile = :id', { id: identifier })
      .getOne();
    const ok = user ? await this.passwords.verify(user.passwordHash, password) : await this.passwords.verifyAgainstNothing(password);
    if (!user || !ok) {
      await this.throttle.recordFailure(identifier, client);
      throw new UnauthorizedException({ code: 'bad_credentials', message: BAD_LOGIN });
    }
    await this.throttle.reset(identifier, client);
    return this.issue(user);
  }

  async issue(user: User): Promise<LoginResult> {
    const expiresAt = new Date(Date.now() + this.config.jwtTtlMinutes * 60_000);
    const session = await this.dataSource.getRepository(Session).save({ userId: user.id, expiresAt, revokedAt: null });
    const claims: TokenClaims = { sub: user.id, sid: session.id };
    const token = await this.jwt.signAsync(claims, { expiresIn: this.config.jwtTtlMinutes * 60 });
    return {
      token,
      expiresAt: expiresAt.toISOString(),
      user: {
        id: user.id,
        displayName: user.displayName,
        isPlatformAdmin: user.isPlatformAdmin,
        mustChangePassword: user.mustChangePassword,
      },
    };
  }

  /**
   * Every authenticated request checks its session: requests arriving together
   * are checked in one query (null: session revoked, expired or unknown).
   */
  private readonly sessions = new BatchQueue<SessionKey, SessionRow | null>((keys) => this.loadSessions(keys), {
    maxBatch: 64,
    maxInFlight: 4,
  });

  private async loadSessions(keys: SessionKey[]): Promise<(SessionRow | null)[]> {
    const rows = await this.dataSource.query<(SessionRow & { i: string })[]>(
      `SELECT k.i, u.id, u.display_name, u.is_platform_admin, u.must_change_password,
              (SELECT array_agg(DISTINCT ra.role) FROM role_assignments ra JOIN communities c ON c.id = ra.community_id
                WHERE k.community_id IS NOT NULL AND ra.user_id = u.id AND ra.community_id = k.community_id
                  AND ra.starts_on <= (now() AT TIME ZONE c.time_zone)::date
                  AND (ra.ends_on IS NULL OR ra.ends_on >= (now() AT TIME ZONE c.time_zone)::date)) AS roles
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[]) WITH ORDINALITY AS k(sid, sub, community_id, i)
       JOIN sessions s ON s.id = k.sid AND s.user_id = k.sub AND s.revoked_at IS NULL AND s.expires_at > now()
       JOIN users u ON u.id = s.user_id`,
      [keys.map((k) => k.sid), keys.map((k) => k.sub), keys.map((k) => k.communityId)],
    );
    const byIndex = new Map(rows.map((row) => [Number(row.i) - 1, row]));
    return keys.map((_, i) => byIndex.get(i) ?? null);
  }

  /**
   * Checks signature (HS256 only), expiry, and that the session was not revoked;
   * with a community, also returns the roles held there today, in the same query.
   */
  async authenticate(token: string, communityId?: string): Promise<AuthUser & { roles: CommunityRole[] }> {
    const claims = await this.verifiedClaims(token);
    const row = await this.sessions.push({ sid: claims.sid, sub: claims.sub, communityId: communityId ?? null });
    if (!row) throw new UnauthorizedException({ code: 'session_revoked', message: '登录已失效，请重新登录 (session ended)' });
    return {
      id: row.id,
      displayName: row.display_name,
      isPlatformAdmin: row.is_platform_admin,
      sessionId: claims.sid,
      mustChangePassword: row.must_change_password,
      roles: row.roles ?? [],
    };
  }

  /**
   * Signature, algorithm and expiry of a token, checked once per token: a token's claims cannot change, so a
   * verified one is remembered until its own expiry (a busy vote sends the same token again and again). This
   * caches only the signature check: whether the session still stands (logout, password change, revocation by
   * another process) is read from the database on every request, as before.
   */
  private readonly verified = new Map<string, { claims: TokenClaims; expiresAtMs: number }>();

  private async verifiedClaims(token: string): Promise<TokenClaims> {
    const known = this.verified.get(token);
    if (known && Date.now() < known.expiresAtMs) return known.claims;
    if (known) this.verified.delete(token);
    let claims: TokenClaims & { exp?: number };
    try {
      claims = await this.jwt.verifyAsync<TokenClaims & { exp?: number }>(token, { algorithms: [JWT_ALGORITHM] });
    } catch {
      throw new UnauthorizedException({ code: 'invalid_token', message: '登录已失效，请重新登录 (session invalid or expired)' });
    }
    // Tokens without an expiry are never issued here; such a token is checked each time rather than kept.
    if (typeof claims.exp === 'number' && typeof claims.sid === 'string' && typeof claims.sub === 'string') {
      if (this.verified.size >= VERIFIED_TOKENS_MAX) this.verified.delete(this.verified.keys().next().value!);
      this.verified.set(token, { claims: { sub: claims.sub, sid: claims.sid }, expiresAtMs: claims.exp * 1000 });
    }
    return claims;
  }

  async logout(user: AuthUser): Promise<void> {
    await this.dataSource.getRepository(Session).update({ id: user.sessionId }, { revokedAt: new Date() });
  }

  /** Changes the password and ends every other session of the account. */
  async changePassword(user: AuthUser, currentPassword: string, newPassword: string): Promise<void> {
    const account = await this.dataSource.getRepository(User).findOneByOrFail({ id: user.id });
    if (!(await this.passwords.verify(account.passwordHash, currentPassword))) {
      throw new Invalid('当前密码错误 (current password is wrong)', 'bad_current_password');
    }
    const weak = validatePasswordStrength(newPassword);
    if (weak) throw new Invalid(weak, 'weak_password');
    if (currentPassword === newPassword) throw new Invalid('新密码不能与当前密码相同 (new password must differ)', 'same_password');
    const passwordHash = await this.passwords.hash(newPassword);
    await this.dataSource.transaction(async (manager) => {
      await manager.update(User, { id: user.id }, { passwordHash, mustChangePassword: false });
      await manager
        .createQueryBuilder()
        .update(Session)
        .set({ revokedAt: () => 'now()' })
        .where('user_id = :userId AND id <> :sid AND revoked_at IS NULL', { userId: user.id, sid: user.sessionId })
        .execute();
    });
  }
}
