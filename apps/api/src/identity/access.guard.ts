import { CanActivate, ExecutionContext, ForbiddenException, Injectable, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AuthService } from './auth.service';
import { ACCESS_KEY, AccessRule, AuthUser, ONE_TIME_OK_KEY, PUBLIC_KEY } from './decorators';
import type { CommunityRole } from './roles';
import { RolesService } from './roles.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type GuardedRequest = Request & { user?: AuthUser; communityRoles?: CommunityRole[] };

/**
 * One global guard: routes are closed unless marked @Public(). A route under
 * /communities/:communityId must say who may call it (@CommunityAccess); a
 * route that forgets is refused rather than left open.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly roles: RolesService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<GuardedRequest>();
    const header = request.headers.authorization ?? '';
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    if (!token) throw new UnauthorizedException({ code: 'login_required', message: '请先登录 (login required)' });
    const communityId = request.params?.communityId as string | undefined;
    const validCommunity = communityId !== undefined && UUID.test(communityId);
    const { roles: held, ...user } = await this.auth.authenticate(token, validCommunity ? communityId : undefined);
    request.user = user;
    // A one-time password (first admin, a reset) is known to whoever issued it: nothing answers until it is replaced.
    if (user.mustChangePassword && !this.reflector.getAllAndOverride<boolean>(ONE_TIME_OK_KEY, targets)) {
      throw new ForbiddenException({
        code: 'password_change_required',
        message: '请先修改一次性密码，再进行其他操作 (change the one-time password first)',
      });
    }

    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, targets);
    if (!rule) {
      if (communityId !== undefined)
        throw new ForbiddenException({ code: 'forbidden', message: '无权访问 (no access rule for this route)' });
      return true;
    }
    if (communityId === undefined) {
      if (rule.admin && user.isPlatformAdmin) return true;
      throw new ForbiddenException({ code: 'forbidden', message: '仅平台管理员可操作 (platform admin only)' });
    }
    if (!validCommunity) throw new NotFoundException({ code: 'community_not_found', message: '小区不存在 (community not found)' });
    request.communityRoles = held;
    if (rule.admin && user.isPlatformAdmin) {
      if (!(await this.roles.communityExists(communityId))) {
        throw new NotFoundException({ code: 'community_not_found', message: '小区不存在 (community not found)' });
      }
      return true;
    }
    if (held.some((role) => rule.roles.includes(role))) return true;
    throw new ForbiddenException({ code: 'forbidden', message: '您在该小区没有相应的角色 (you hold no role here that allows this)' });
  }
}
