import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Conflict, NotFound } from '../common/app-error';
import { RoleAssignment } from '../identity/entities/role-assignment.entity';
import { User } from '../identity/entities/user.entity';
import { CreatedAccount, UsersService } from '../identity/users.service';
import { RecordService } from '../record/record.service';
import { Owner } from './entities/owner.entity';

/**
 * Links an owner of the register to a login, after the committee has checked
 * the person's identity: the account gets the owner role and votes for the
 * units on which this owner is the designated voter.
 */
@Injectable()
export class OwnerAccountsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly record: RecordService,
  ) {}

  async link(
    actorId: string,
    communityId: string,
    ownerId: string,
    input: { userId?: string; mobile?: string },
  ): Promise<CreatedAccount & { ownerId: string }> {
    return this.dataSource.transaction(async (manager) => {
      const owner = await manager.findOne(Owner, { where: { id: ownerId, communityId }, lock: { mode: 'pessimistic_write' } });
      if (!owner) throw new NotFound('业主 owner');
      if (owner.kind === 'developer')
        throw new Conflict('建设单位通过书面表决票参与，不开通网上账号 (developer votes on paper)', 'developer_account');
      if (owner.userId) throw new Conflict('该业主已关联账号 (owner already has an account)', 'owner_linked');
      let created: CreatedAccount;
      if (input.userId) {
        const user = await manager.findOneBy(User, { id: input.userId });
        if (!user) throw new NotFound('账号 account');
        created = {
          user: {
            id: user.id,
            loginName: user.loginName,
            mobile: user.mobile,
            displayName: user.displayName,
            isPlatformAdmin: user.isPlatformAdmin,
          },
        };
      } else {
        const mobile = input.mobile ?? owner.mobile;
        if (!mobile) throw new Conflict('该业主没有登记手机号，请提供手机号 (mobile required)', 'mobile_required');
        created = await this.users.create({ mobile, displayName: owner.name }, manager);
      }
      const taken = await manager.findOneBy(Owner, { communityId, userId: created.user.id });
      if (taken) throw new Conflict('该账号已关联本小区另一位业主 (account already linked to another owner)', 'account_linked');
      await manager.update(Owner, { id: owner.id }, { userId: created.user.id });
      const [{ today }] = await manager.query<{ today: string }[]>(
        `SELECT (now() AT TIME ZONE time_zone)::date::text AS today FROM communities WHERE id = $1`,
        [communityId],
      );
      const hasRole = await manager.findOneBy(RoleAssignment, { communityId, userId: created.user.id, role: 'owner' });
      if (!hasRole)
        await manager.save(RoleAssignment, {
          communityId,
          userId: created.user.id,
          role: 'owner',
          startsOn: today,
          endsOn: null,
          grantedBy: actorId,
        });
      await this.record.append(manager, {
        communityId,
        actorId,
        action: 'registry.owner_account_linked',
        subjectType: 'owner',
        subjectId: owner.id,
        payload: { userId: created.user.id },
      });
      return { ...created, ownerId: owner.id };
    });
  }
}
