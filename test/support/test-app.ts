import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { createTestDatabase } from '@gongyi/database/test-databases';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import request from 'supertest';
import { AppModule } from '../../apps/api/src/app.module';
import { runtimeConfig, StartedConfig } from '../../apps/api/src/bootstrap';
import { loadConfig } from '../../apps/api/src/config/app-config';
import { configureApp } from '../../apps/api/src/configure-app';
import { Clock } from '../../apps/api/src/common/clock';
import { UsersService } from '../../apps/api/src/identity/users.service';
import { TestClock } from './test-clock';
import { TimestampAuthorityService } from '../../apps/api/src/documents/timestamp-authority.service';

export interface TestApp {
  app: INestApplication;
  http: ReturnType<typeof request>;
  /** The app's own connection (role gongyi_app: no ALTER, no UPDATE/DELETE on history). */
  dataSource: DataSource;
  config: StartedConfig;
  /** The test database as its owner, a superuser: for tampering tests and what the app may not do. */
  ownerUrl: string;
  ownerQuery<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Token of the platform admin created at first start. */
  adminToken: string;
  clock: TestClock;
  /** The test database (pass it to a second createTestApp to run another server on the same data). */
  database: TestDatabase;
  close(): Promise<void>;
}

export type TestDatabase = Awaited<ReturnType<typeof createTestDatabase>>;

/** What the test admin's one-time password is replaced with at start. */
export const ADMIN_PASSWORD = 'Admin-passw0rd-test';

type TestEnv = Record<string, string>;

/**
 * A full server (same pipeline as production) on a fresh database of its own. `env` may be a function of the
 * new database (its owner's URL), for settings that name it, e.g. DATABASE_REPLICA_URL. `shared`: the database of
 * another TestApp instead (a second server on the same data, e.g. with other settings); its close leaves the
 * database to the first.
 */
export async function createTestApp(
  env: TestEnv | ((database: { url: string }) => Promise<TestEnv>) = {},
  shared?: TestDatabase,
): Promise<TestApp> {
  const database = shared ?? (await createTestDatabase());
  const extra = typeof env === 'function' ? await env(database) : env;
  const config = runtimeConfig(
    loadConfig({
      DATA_DIR: '/tmp/gongyi-test-data',
      JWT_SECRET: 'test-secret-test-secret-test-secret-0123',
      MASTER_KEY: 'a'.repeat(64),
      LOGIN_SLOWDOWN_MS: '0',
      LOG_LEVEL: 'error',
      // API suites log in hundreds of times from one address; rate-limit tests set their own budgets.
      LOGIN_RATE_PER_MINUTE: '1000000',
      VERIFY_RATE_PER_MINUTE: '1000000',
      PUBLIC_RATE_PER_MINUTE: '1000000',
      ...extra,
    }),
    database.appUrl,
    database.url,
  );
  const clock = new TestClock();
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config)] })
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  const app = moduleRef.createNestApplication({ logger: ['error'] });
  configureApp(app);
  // The deployment's root CA and time-stamp authority date from before anything a test back-dates (openVote seals
  // its notice 22 days ago, as a committee would have): created at start-up, as in production, 60 days back.
  clock.travelTo(new Date(Date.now() - 60 * 86_400_000));
  try {
    await app.init();
    await app.get(TimestampAuthorityService).certPem();
  } finally {
    clock.reset();
  }
  const http = request(app.getHttpServer());
  const admin = await app.get(UsersService).ensurePlatformAdmin();
  if (!admin) {
    // A shared database: the first server already replaced the admin's one-time password.
    const login = await http.post('/api/auth/login').send({ login: 'admin', password: ADMIN_PASSWORD });
    if (login.status !== 200) throw new Error(`admin login failed: ${login.status} ${JSON.stringify(login.body)}`);
    return testApp(app, http, config, login.body.token, clock, database, !shared);
  }
  const login = await http.post('/api/auth/login').send({ login: 'admin', password: admin.oneTimePassword });
  if (login.status !== 200) throw new Error(`admin login failed: ${login.status} ${JSON.stringify(login.body)}`);
  // The server answers nothing else until the one-time password is replaced (the session stays valid).
  const changed = await http
    .post('/api/auth/password')
    .set(bearer(login.body.token))
    .send({ currentPassword: admin.oneTimePassword, newPassword: ADMIN_PASSWORD });
  if (changed.status !== 204) throw new Error(`admin password change failed: ${changed.status} ${JSON.stringify(changed.body)}`);
  return testApp(app, http, config, login.body.token, clock, database, !shared);
}

function testApp(
  app: INestApplication,
  http: ReturnType<typeof request>,
  config: StartedConfig,
  adminToken: string,
  clock: TestClock,
  database: TestDatabase,
  ownsDatabase: boolean,
): TestApp {
  return {
    app,
    http,
    dataSource: app.get(DataSource),
    config,
    adminToken,
    clock,
    database,
    ownerUrl: database.url,
    ownerQuery: async <T>(sql: string, params: unknown[] = []) => {
      const client = new Client({ connectionString: database.url });
      await client.connect();
      try {
        return (await client.query(sql, params)).rows as T[];
      } finally {
        await client.end();
      }
    },
    close: async () => {
      await app.close();
      if (ownsDatabase) await database.drop();
    },
  };
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
