import { NestFactory } from '@nestjs/core';
import type { LogLevel } from '@nestjs/common';
import { runMigrationsLocked } from '@gongyi/database/migration-lock';
import { createHmac } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { AppConfig, RuntimeConfig } from './config/app-config';
import { localSecret } from './config/local-secrets';
import { configureApp } from './configure-app';
import { dataSourceOptions } from './database/data-source-options';
import { UsersService } from './identity/users.service';
import { announceAdminPassword, withFirstStartLock } from './first-start';

/** databaseUrl: the app role; ownerUrl: the schema owner's connection (migrations, pg-boss's own tables). */
export type StartedConfig = RuntimeConfig & { databaseUrl: string; ownerUrl: string };

export function runtimeConfig(config: AppConfig, databaseUrl: string, ownerUrl = databaseUrl): StartedConfig {
  const jwtSecret = config.jwtSecret ?? localSecret(config.dataDir, 'jwt-secret', 32);
  const masterKey = config.masterKey ?? localSecret(config.dataDir, 'master-key', 32);
  const idPepper = createHmac('sha256', Buffer.from(masterKey, 'hex')).update('gongyi:id-number').digest('hex');
  return { ...config, jwtSecret, masterKey, idPepper, databaseUrl, ownerUrl };
}

export async function migrate(databaseUrl: string): Promise<string[]> {
  const dataSource = await new DataSource(dataSourceOptions(databaseUrl)).initialize();
  try {
    return await runMigrationsLocked(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

const LEVELS: Record<AppConfig['logLevel'], LogLevel[]> = {
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  log: ['fatal', 'error', 'warn', 'log'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'],
};

/** `ownShutdown`: main.ts orders the shutdown itself (shutdown.ts) instead of Nest's signal hooks. */
export async function createServer(config: StartedConfig, { ownShutdown = false } = {}) {
  // Start-up lines are held until configureApp installs the structured logger, then written through it.
  const app = await NestFactory.create(AppModule.forRoot(config), { logger: LEVELS[config.logLevel], bufferLogs: true });
  configureApp(app);
  if (!ownShutdown) app.enableShutdownHooks();
  const admin = await withFirstStartLock(app.get(DataSource), () => app.get(UsersService).ensurePlatformAdmin());
  if (admin?.oneTimePassword) announceAdminPassword(admin.oneTimePassword, config.dataDir);
  return app;
}
