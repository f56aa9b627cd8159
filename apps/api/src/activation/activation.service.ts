import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError } from '@gongyi/domain/errors';
import { letterRefusal, MAX_ACTIVATION_ATTEMPTS, normalizeActivationCode, parseRegisterFact } from '@gongyi/domain/identity/activation';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { Conflict, Forbidden, Invalid } from '../common/app-error';
import { APP_CONFIG, type RuntimeConfig } from '../config/app-config';
import { AuthService, type LoginResult } from '../identity/auth.service';
import type { AuthUser } from '../identity/decorators';
import { RoleAssignment } from '../identity/entities/role-assignment.entity';
import { assignRoleRecorded } from '../identity/role-writes';
import { User } from '../identity/entities/user.entity';
import { UsersService } from '../identity/users.service';
import { NotificationsService } from '../notifications/notifications.service';
import { RecordService } from '../record/record.service';
import { hashRegisterFact } from '../registry/identity-number';
import { hashActivationCode, sameHash } from './activation-code';

const WRONG = '激活码或核验信息不正确 (activation code or register fact does not match)';

interface LetterRow {
  id: string;
  community_id: string;
  owner_id: string;
  expires_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
  failed_attempts: number;
  owner_name: string;
  owner_user_id: string | null;
  owner_kind: string;
  mobile: string | null;
  mobile_tail_hash: string | null;
  id_tail_hash: string | null;
}

/** A wrong fact: counted after the refused transaction rolled back, so the count survives the refusal. */
class WrongFact extends Error {
  constructor(readonly letterId: string) {
    super('wrong fact');
  }
}

/**
 * The owner's side: a code from the letter plus a fact only the register and the owner know opens the account
 * (a new one with the owner's own password, or the owner's existing account when signed in). Nobody else can
 * finish this step for the owner.
 */
@Injectable()
export class ActivationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: RuntimeConfig,
    private readonly clock: Clock,
    private readonly users: UsersService,
    private readonly auth: AuthService,
    private readonly record: RecordService,
    private readonly notifications: NotificationsService,
  ) {}

  /** What the activation page may show before the owner proves anything: only whether the code is usable. */
  async check(code: string): Promise<{ usable: true; expiresAt: string }> {
    const letter = await this.findLetter(this.dataSource.manager, code, false);
    const refusal = letterRefusal(this.state(letter), this.clock.now());
    if (refusal) throw refusal;
    return { usable: true, expiresAt: letter.expires_at.toISOString() };
  }

  /** New account: the owner chooses the login (default: the registered mobile) and the password. */
  async activate(input: { code: string; fact: string; loginName?: string; mobile?: string; password: string }): Promise<LoginResult> {
    const user = await this.withLetter(input.code, input.fact, async (manager, letter) => {
      const mobile = input.mobile ?? (input.loginName ? undefined : (letter.mobile ?? undefined));
      if (!mobile && !input.loginName) throw new Invalid('请填写登录名或手机号 (login name or mobile required)', 'login_required');
      const taken = await manager.query(`SELECT 1 FROM users WHERE login_name = $1 OR mobile = $2`, [
        input.loginName?.trim().toLowerCase() ?? null,
        mobile ?? null,
      ]);
      if (taken.length)
        throw new Conflict(
          '该手机号或登录名已有账号：请先用该账号登录，再输入激活码关联房屋 (an account exists: sign in, then enter the code)',
          'account_exists',
        );
      const created = await this.users.create(
        { loginName: input.loginName, mobile, displayName: letter.owner_name, password: input.password },
        manager,
      );
      return created.user.id;
    });
    return this.auth.issue(await this.dataSource.getRepository(User).findOneByOrFail({ id: user }));
  }

  /** Existing account (e.g. an owner in two communities): the signed-in holder enters the code and the fact. */
  async link(holder: AuthUser, input: { code: string; fact: string }): Promise<{ communityId: string; ownerId: string }> {
    if (holder.isPlatformAdmin)
      throw new Forbidden(
        '平台管理员账号不能关联业主，请用个人账号激活 (platform admin accounts cannot hold owner roles)',
        'admin_self_grant',
      );
    let result: { communityId: string; ownerId: string } | undefined;
    await this.withLetter(input.code, input.fact, async (_manager, letter) => {
      result = { communityId: letter.community_id, ownerId: letter.owner_id };
      return holder.id;
    });
    return result!;
  }

  private state(letter: LetterRow) {
    return { expiresAt: letter.expires_at, usedAt: letter.used_at, revokedAt: letter.revoked_at };
  }

  private async findLetter(manager: EntityManager, code: string, lock: boolean): Promise<LetterRow> {
    const canonical = normalizeActivationCode(code);
    if (!canonical) throw new Invalid('激活码格式不正确，应为 12 位字母数字 (activation code format)', 'activation_code_format');
    const [letter] = await manager.query<LetterRow[]>(
      `SELECT l.id, l.community_id, l.owner_id, l.expires_at, l.used_at, l.revoked_at, l.failed_attempts,
              o.name AS owner_name, o.user_id AS owner_user_id, o.kind AS owner_kind, o.mobile, o.mobile_tail_hash, o.id_tail_hash
       FROM activation_letters l JOIN owners o ON o.id = l.owner_id
       WHERE l.code_hash = $1 ${lock ? 'FOR UPDATE OF l, o' : ''}`,
      [hashActivationCode(canonical, this.config.idPepper)],
    );
    if (!letter) throw new Conflict(WRONG, 'activation_mismatch');
    return letter;
  }

  private factMatches(letter: LetterRow, fact: string): boolean {
    const parsed = parseRegisterFact(fact);
    if (!parsed) return false;
    const pepper = this.config.idPepper;
    const given = hashRegisterFact(parsed.kind, parsed.value, pepper);
    // Only facts the residents' committee imported count (never the committee's contact mobile: it issues the codes).
    const stored = parsed.kind === 'id_tail' ? letter.id_tail_hash : letter.mobile_tail_hash;
    return stored !== null && sameHash(given, stored);
  }

  /**
   * Checks the code and the fact, lets `open` produce the account, links it to the owner, grants the owner
   * role and uses up the code, all in one transaction. A wrong fact counts against the code (5 → dead).
   */
  private async withLetter(
    code: string,
    fact: string,
    open: (manager: EntityManager, letter: LetterRow) => Promise<string>,
  ): Promise<string> {
    if (!parseRegisterFact(fact))
      throw new Invalid('核验信息应为登记手机号后 4 位或身份证号后 6 位 (last 4 of mobile or last 6 of ID number)', 'register_fact_format');
    try {
      return await this.dataSource.transaction(async (manager) => {
        const letter = await this.findLetter(manager, code, true);
        const refusal = letterRefusal(this.state(letter), this.clock.now());
        if (refusal) throw refusal;
        if (letter.owner_user_id) throw new Conflict('该业主已激活网上账号 (owner already activated)', 'owner_linked');
        if (!this.factMatches(letter, fact)) throw new WrongFact(letter.id);
        const userId = await open(manager, letter);
        const other = await manager.query(`SELECT 1 FROM owners WHERE community_id = $1 AND user_id = $2 AND id <> $3`, [
          letter.community_id,
          userId,
          letter.owner_id,
        ]);
        if (other.length)
          throw new Conflict('该账号已关联本小区另一位业主 (account already linked to another owner here)', 'account_linked');
        const now = this.clock.now();
        await manager.query(`UPDATE activation_letters SET used_at = $2, used_by = $3 WHERE id = $1`, [letter.id, now, userId]);
        await manager.query(`UPDATE owners SET user_id = $2 WHERE id = $1`, [letter.owner_id, userId]);
        const [{ today }] = await manager.query<{ today: string }[]>(
          `SELECT (now() AT TIME ZONE time_zone)::date::text AS today FROM communities WHERE id = $1`,
          [letter.community_id],
        );
        const held = await manager.findOneBy(RoleAssignment, { communityId: letter.community_id, userId, role: 'owner' });
        let assignmentId = held?.id;
        const activated = {
          actorId: userId,
          action: 'registry.owner_account_activated',
          subject: { type: 'owner', id: letter.owner_id },
          payload: { userId, letterId: letter.id },
        };
        if (!held || (held.endsOn !== null && held.endsOn < today)) {
          // The owner role and the activation are one record entry, written with the role (role-writes.ts).
          assignmentId = await assignRoleRecorded(
            manager,
            { communityId: letter.community_id, userId, role: 'owner', startsOn: today, endsOn: null, grantedBy: userId },
            activated,
          );
        } else {
          await this.record.append(manager, {
            communityId: letter.community_id,
            actorId: userId,
            action: activated.action,
            subjectType: 'owner',
            subjectId: letter.owner_id,
            payload: activated.payload,
          });
        }
        await this.notifications.notify(manager, {
          communityId: letter.community_id,
          role: 'residents_committee',
          subject: `角色授予：${letter.owner_name}（业主）`,
          body: `业主 ${letter.owner_name} 已用激活通知书本人激活网上账号，自 ${today} 起持有「业主」角色。`,
          subjectType: 'role_assignment',
          subjectId: assignmentId,
        });
        return userId;
      });
    } catch (error) {
      if (!(error instanceof WrongFact)) throw error;
      // An UPDATE through TypeORM's query() answers [rows, affected count].
      const [[row]] = await this.dataSource.query<[{ failed_attempts: number; revoked: boolean }[], number]>(
        `UPDATE activation_letters SET failed_attempts = failed_attempts + 1,
                revoked_at = CASE WHEN failed_attempts + 1 >= $2 THEN now() ELSE revoked_at END
         WHERE id = $1 AND used_at IS NULL AND revoked_at IS NULL
         RETURNING failed_attempts, revoked_at IS NOT NULL AS revoked`,
        [error.letterId, MAX_ACTIVATION_ATTEMPTS],
      );
      if (row?.revoked)
        throw new DomainError(
          'conflict',
          'activation_revoked',
          '核验信息连续输错 5 次，该激活码已作废，请向业委会申请补发 (too many wrong attempts; code revoked)',
        );
      throw new Conflict(WRONG, 'activation_mismatch', { attemptsLeft: MAX_ACTIVATION_ATTEMPTS - (row?.failed_attempts ?? 0) });
    }
  }
}
