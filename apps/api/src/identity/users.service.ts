import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Conflict, Invalid, NotFound } from '../common/app-error';
import { User } from './entities/user.entity';
import { PasswordService, validatePasswordStrength } from './password.service';

export interface NewAccount {
  loginName?: string;
  mobile?: string;
  displayName: string;
  /** Omitted: a one-time password is generated and must be changed at first login. */
  password?: string;
  isPlatformAdmin?: boolean;
  /** The account that made this one, when it is not the holder's own doing. */
  createdBy?: string;
}

export interface CreatedAccount {
  user: PublicUser;
  /** Only when generated; shown once, never stored in clear. */
  oneTimePassword?: string;
}

export interface PublicUser {
  id: string;
  loginName: string | null;
  mobile: string | null;
  displayName: string;
  isPlatformAdmin: boolean;
}

export function toPublicUser(user: User): PublicUser {
  return {
    id: user.id,
    loginName: user.loginName,
    mobile: user.mobile,
    displayName: user.displayName,
    isPlatformAdmin: user.isPlatformAdmin,
  };
}

/** Readable one-time password: no 0/O/1/l confusion, with letters and digits. */
export function generateOneTimePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(14);
  const body = Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
  return `${body.slice(0, 6)}-${body.slice(6, 12)}-${(bytes[12] % 8) + 2}${alphabet[bytes[13] % 23]}`;
}

@Injectable()
export class UsersService {
  private readonly logger = new Logger('Setup');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
  ) {}

  async create(input: NewAccount, manager: EntityManager = this.dataSource.manager): Promise<CreatedAccount> {
    const loginName = input.loginName?.trim().toLowerCase() || null;
    const mobile = input.mobile?.trim() || null;
    if (!loginName && !mobile) throw new Invalid('需要登录名或手机号 (login name or mobile required)', 'login_required');
    let oneTimePassword: string | undefined;
    let password = input.password;
    if (password === undefined) {
      oneTimePassword = generateOneTimePassword();
      password = oneTimePassword;
    } else {
      const weak = validatePasswordStrength(password);
      if (weak) throw new Invalid(weak, 'weak_password');
    }
    const clash = await manager
      .getRepository(User)
      .createQueryBuilder('u')
      .where('u.login_name = ANY(:ids) OR u.mobile = ANY(:ids)', { ids: [loginName, mobile].filter(Boolean) })
      .getCount();
    if (clash > 0) throw new Conflict('登录名或手机号已被使用 (login name or mobile already in use)', 'account_exists');
    const user = await manager.getRepository(User).save({
      loginName,
      mobile,
      displayName: input.displayName.trim(),
      passwordHash: await this.passwords.hash(password),
      isPlatformAdmin: input.isPlatformAdmin ?? false,
      mustChangePassword: oneTimePassword !== undefined,
      createdBy: input.createdBy ?? null,
    });
    return { user: toPublicUser(user), oneTimePassword };
  }

  /**
   * First start on an empty database: create the platform admin with a one-time
   * password shown once to the operator. Nothing is hard-coded.
   */
  async ensurePlatformAdmin(): Promise<CreatedAccount | null> {
    const count = await this.dataSource.getRepository(User).count();
    if (count > 0) return null;
    // The caller shows the one-time password to the operator (first-start.ts), never through the logger.
    return this.create({ loginName: 'admin', displayName: '平台管理员', isPlatformAdmin: true });
  }

  async search(query: string | undefined, limit = 50): Promise<PublicUser[]> {
    const qb = this.dataSource.getRepository(User).createQueryBuilder('u').orderBy('u.created_at', 'ASC').limit(limit);
    if (query?.trim()) {
      qb.where('u.login_name ILIKE :q OR u.mobile ILIKE :q OR u.display_name ILIKE :q', { q: `%${query.trim()}%` });
    }
    return (await qb.getMany()).map(toPublicUser);
  }

  async get(id: string): Promise<User> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id });
    if (!user) throw new NotFound('账号 account');
    return user;
  }
}
