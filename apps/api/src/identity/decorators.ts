import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { CommunityRole } from './roles';

export interface AuthUser {
  id: string;
  displayName: string;
  isPlatformAdmin: boolean;
  sessionId: string;
  /** A one-time password is still in use: only changing it (and logging out) is allowed. */
  mustChangePassword?: boolean;
}

export interface AccessRule {
  /** Roles in the route's community that may call it. */
  roles: readonly CommunityRole[];
  /** Whether the platform admin may call it too (admins never vote, seal or audit). */
  admin: boolean;
}

export const PUBLIC_KEY = 'gongyi:public';
export const ACCESS_KEY = 'gongyi:access';

/** No login needed. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** Logged in, and holding one of `roles` today in the community named by `:communityId`. */
export function CommunityAccess(roles: readonly CommunityRole[], options: { admin?: boolean } = {}) {
  const rule: AccessRule = { roles, admin: options.admin ?? false };
  return applyDecorators(
    SetMetadata(ACCESS_KEY, rule),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: '未登录' }),
    ApiForbiddenResponse({ description: '无权访问该小区' }),
  );
}

/** Platform admin (街道) only. */
export function PlatformAdmin() {
  return applyDecorators(SetMetadata(ACCESS_KEY, { roles: [], admin: true } satisfies AccessRule), ApiBearerAuth());
}

export const ONE_TIME_OK_KEY = 'gongyi:one-time-ok';

/** Answers even while the caller still has to replace a one-time password (change password, logout, me). */
export const AllowedWithOneTimePassword = () => SetMetadata(ONE_TIME_OK_KEY, true);

/** Any logged-in account. */
export function Authenticated() {
  return applyDecorators(ApiBearerAuth(), ApiUnauthorizedResponse({ description: '未登录' }));
}

export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthUser => {
  return ctx.switchToHttp().getRequest<{ user: AuthUser }>().user;
});

/** Roles the current user holds today in the route's community (set by the access guard). */
export const CurrentRoles = createParamDecorator((_data: unknown, ctx: ExecutionContext): CommunityRole[] => {
  return ctx.switchToHttp().getRequest<{ communityRoles?: CommunityRole[] }>().communityRoles ?? [];
});
