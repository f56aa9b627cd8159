import { Module } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { NotificationsModule } from '../notifications/notifications.module';
import { RecordModule } from '../record/record.module';
import { AccessGuard } from './access.guard';
import { AuthController } from './auth.controller';
import { AuthService, JWT_ALGORITHM } from './auth.service';
import { LoginThrottleService } from './login-throttle.service';
import { PasswordService } from './password.service';
import { RolesController } from './roles.controller';
import { RolesService } from './roles.service';
import { RoleRequestsService } from './role-requests.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [
    RecordModule,
    NotificationsModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        // A KeyObject, so jsonwebtoken does not first try (and fail) to parse the secret as a PEM key on every request.
        secret: createSecretKey(Buffer.from(config.jwtSecret!, 'utf8')) as unknown as string,
        signOptions: { algorithm: JWT_ALGORITHM },
        verifyOptions: { algorithms: [JWT_ALGORITHM] },
      }),
    }),
  ],
  controllers: [AuthController, UsersController, RolesController],
  providers: [
    AuthService,
    PasswordService,
    LoginThrottleService,
    UsersService,
    RolesService,
    RoleRequestsService,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [UsersService, RolesService, RoleRequestsService, AuthService, PasswordService],
})
export class IdentityModule {}
