import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../apps/api/src/common/clock';
import { RootCaService } from '../apps/api/src/documents/root-ca.service';
import { TimestampAuthorityService } from '../apps/api/src/documents/timestamp-authority.service';
import { describeCertificate } from '@gongyi/pdf';

const DAY = 86_400_000;
/** How far back the demo's history reaches: its oldest notice is sealed 48 days ago, its seals are cut 80 days ago. */
export const DEMO_HISTORY_DAYS = 80;
const TRUST_DAYS = 90;

/** Runs `work` with the server's Clock at `when` (every rule then runs as it would have on that day). */
export async function atTime<T>(app: INestApplication, when: Date, work: () => Promise<T>): Promise<T> {
  const clock = app.get(Clock);
  const realNow = clock.now.bind(clock);
  clock.now = () => when;
  try {
    return await work();
  } finally {
    clock.now = realNow;
  }
}

/**
 * The demo's past is sealed on the days it happened, so the deployment's root CA and time-stamp authority must
 * already have existed then. Called before `app.init()` (which would create them today): on a fresh database they
 * are created 90 days back. On a database whose CA is younger than the demo's history the demo cannot seal its
 * past lawfully, and says so instead of leaving notices unsealed.
 */
export async function prepareDemoTrust(app: INestApplication): Promise<void> {
  const now = Date.now();
  await atTime(app, new Date(now - TRUST_DAYS * DAY), async () => {
    await app.get(RootCaService).ensure();
    await app.get(TimestampAuthorityService).certPem();
  });
  const rows = await app.get(DataSource).query<{ cert_pem: string }[]>('SELECT cert_pem FROM seal_root_cas');
  const youngest = Math.max(...rows.map((r) => describeCertificate(r.cert_pem).notBefore.getTime()));
  if (youngest > now - DEMO_HISTORY_DAYS * DAY)
    throw new Error(
      `演示数据须载入全新的数据库：本库的印章根证书或时间戳证书签发于 ${new Date(youngest).toISOString().slice(0, 10)}，` +
        `晚于演示历史的起点（${DEMO_HISTORY_DAYS} 天前），过去的公告无法在当日用章。请换一个空的 DATA_DIR 或数据库再运行 npm run demo。`,
    );
}

/** The day the demo's seals were cut: early enough for every back-dated notice, never before the CA existed. */
export async function demoSealDay(app: INestApplication): Promise<Date> {
  const rows = await app.get(DataSource).query<{ cert_pem: string }[]>('SELECT cert_pem FROM seal_root_cas');
  const youngest = Math.max(...rows.map((r) => describeCertificate(r.cert_pem).notBefore.getTime()));
  const now = Date.now();
  return new Date(Math.min(now, Math.max(youngest, now - DEMO_HISTORY_DAYS * DAY)));
}
