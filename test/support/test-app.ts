import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { createTestDatabase } from '@gongyi/database/test-databases';
import { DataSource } from 'typeorm';
import request from 'supertest';
import { AppModule } from '../../apps/api/src/app.module';
import { runtimeConfig, StartedConfig } from '../../apps/api/src/bootstrap';
import { loadConfig } from '../../apps/api/src/config/app-config';
import { configureApp } from '../../apps/api/src/configure-app';
import { Clock } from '../../apps/api/src/common/clock';
import { UsersService } from '../../apps/api/src/identity/users.service';
import { TestClock } from './test-clock';

export interface TestApp {
  app: INestApplication;
  http: ReturnType<typeof request>;
  dataSource: DataSource;
  config: StartedConfig;
  /** Token of the platform admin created at first start. */
  adminToken: string;
  clock: TestClock;
  close(): Promise<void>;
}

/** A full server (same pipeline as production) on a fresh database of its own. */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = runtimeConfig(
    loadConfig({
      DATA_DIR: '/tmp/gongyi-test-data',
      JWT_SECRET: 'test-secret-test-secret-test-secret-0123',
      MASTER_KEY: 'a'.repeat(64),
      LOGIN_SLOWDOWN_MS: '0',
      LOG_LEVEL: 'error',
      ...env,
    }),
    database.url,
  );
  const clock = new TestClock();
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config)] })
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  const app = moduleRef.createNestApplication({ logger: ['error'] });
  configureApp(app);
  await app.init();
  const admin = await app.get(UsersService).ensurePlatformAdmin();
  const http = request(app.getHttpServer());
  const login = await http.post('/api/auth/login').send({ login: 'admin', password: admin!.oneTimePassword });
  if (login.status !== 200) throw new Error(`admin login failed: ${login.status} ${JSON.stringify(login.body)}`);
  return {
    app,
    http,
    dataSource: app.get(DataSource),
    config,
    adminToken: login.body.token,
    clock,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
