import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { STATEMENT_TYPE } from '@gongyi/pdf';
import { sampleStatement } from '@gongyi/pdf/samples';
import { NOTIFICATION_CHANNELS, type NotificationChannel } from '../../apps/api/src/notifications/outbound/channel';
import { ConsoleSmsDriver, SmsChannel } from '../../apps/api/src/notifications/outbound/sms-channel';
import { NotificationsService } from '../../apps/api/src/notifications/notifications.service';
import { DocumentsService } from '../../apps/api/src/documents/documents.service';
import { Cast, chainCast } from '../support/chain-fixtures';
import { issueSealsWithPins } from '../support/seal-fixtures';
import { bearer, createTestApp, TestApp } from '../support/test-app';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** A real SMTP server on a local port: what the server sends is what it receives. */
function startSmtp(port = 0): Promise<{ server: SMTPServer; port: number; mails: Received[] }> {
  const mails: Received[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve({ server, port: (server.server.address() as AddressInfo).port, mails }));
  });
}

const stopSmtp = (server: SMTPServer) => new Promise<void>((resolve) => server.close(() => resolve()));

/** Subject and body as a reader sees them: MIME encoded-words and base64 / quoted-printable undone. */
function readable(raw: string): string {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  const headers = head.replace(/\r?\n[ \t]+/g, ' ').replace(/=\?utf-8\?([BQ])\?([^?]*)\?=\s*/gi, (_, enc: string, text: string) =>
    enc.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(
          text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
          'latin1',
        ).toString('utf8'),
  );
  const decoded = /content-transfer-encoding:\s*base64/i.test(head)
    ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
    : /content-transfer-encoding:\s*quoted-printable/i.test(head)
      ? Buffer.from(
          body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
          'latin1',
        ).toString('utf8')
      : body;
  return `${headers}\n\n${decoded}`;
}

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, seconds = 60): Promise<T> {
  for (let i = 0; i < seconds * 4; i++) {
    const value = await probe();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('outbound notices: e-mail through a real SMTP server, queued with retries', () => {
  let t: TestApp;
  let cast: Cast;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  const url = (path: string) => `/api/communities/${cast.community}${path}`;

  /** A real to-do event: the clerk asks for the committee seal, which waits for its custodian (the director). */
  const requestSeal = async (title: string) => {
    const doc = await t.app.get(DocumentsService).renderAndRegister(null, cast.community, {
      type: STATEMENT_TYPE,
      title,
      sourceType: 'test',
      input: sampleStatement(),
      actorId: cast.clerk.userId,
    });
    const res = await t.http
      .post(url('/seal-requests'))
      .set(bearer(cast.clerk.token))
      .send({ documentId: doc.id, decision: '业委会第2次会议决议' });
    return { res, documentId: doc.id };
  };

  const deliveries = (subjectLike: string) =>
    t.ownerQuery<{ attempt: number; status: string; error: string | null; channel: string }>(
      `SELECT d.attempt, d.status, d.error, d.channel FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id
        WHERE n.subject LIKE $1 AND d.user_id = $2 ORDER BY d.attempt`,
      [`%${subjectLike}%`, cast.director.userId],
    );

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp({
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      SMTP_FROM: 'gongyi@test.local',
      NOTIFY_RETRY_LIMIT: '4',
      NOTIFY_RETRY_DELAY_SECONDS: '1',
    });
    cast = await chainCast(t, []);
    await issueSealsWithPins(t, cast.community, cast.director, [cast.residents, cast.director]);
  });
  afterAll(async () => {
    await t.close();
    await stopSmtp(smtp.server);
  });

  it('each person chooses channels: opt-in, an address on file, refused with a clear message otherwise', async () => {
    const initial = await t.http.get('/api/me/notification-channels').set(bearer(cast.director.token)).expect(200);
    expect(initial.body.email).toMatchObject({ available: true, driver: 'smtp', enabled: false, address: null });
    expect(initial.body.sms).toMatchObject({ available: true, driver: 'console', enabled: false });
    const noAddress = await t.http
      .put('/api/me/notification-channels')
      .set(bearer(cast.director.token))
      .send({ emailEnabled: true, smsEnabled: false })
      .expect(400);
    expect(noAddress.body.message).toContain('电子邮箱');
    const bad = await t.http
      .put('/api/me/notification-channels')
      .set(bearer(cast.director.token))
      .send({ email: 'not-an-address', emailEnabled: true, smsEnabled: false })
      .expect(400);
    expect(JSON.stringify(bad.body)).toContain('电子邮箱格式不正确');
    const [{ n }] = await t.ownerQuery<{ n: number }>('SELECT count(*)::int AS n FROM user_notification_channels WHERE user_id = $1', [
      cast.director.userId,
    ]);
    expect(n).toBe(0);
    const saved = await t.http
      .put('/api/me/notification-channels')
      .set(bearer(cast.director.token))
      .send({ email: 'director@example.cn', emailEnabled: true, smsEnabled: false })
      .expect(200);
    expect(saved.body.email).toMatchObject({ enabled: true, address: 'director@example.cn' });
    await t.http.get('/api/me/notification-channels').expect(401);
  });

  it('a seal request waiting for its custodian reaches the custodian by e-mail through the SMTP server', async () => {
    const before = smtp.mails.length;
    const { res } = await requestSeal('二季度收支明细表');
    expect(res.status).toBe(201);
    const mail = await until('the mail', async () => smtp.mails.slice(before).find((m) => m.to.includes('director@example.cn')));
    expect(mail.from).toBe('gongyi@test.local');
    const text = readable(mail.raw);
    expect(text).toContain('【共议】用章申请：二季度收支明细表');
    expect(text).toContain('业委会第2次会议决议');
    expect(text).toContain(`请登录共议查看并办理：${t.config.publicUrl}`);
    // Nobody else opted in: the clerk (who asked) and the residents' committee got no mail.
    expect(smtp.mails.slice(before).every((m) => m.to.join() === 'director@example.cn')).toBe(true);
    const sent = await until('the delivery record', async () => {
      const rows = await deliveries('二季度收支明细表');
      return rows.length ? rows : undefined;
    });
    expect(sent).toEqual([{ attempt: 1, status: 'sent', error: null, channel: 'email' }]);
    const settings = await t.http.get('/api/me/notification-channels').set(bearer(cast.director.token)).expect(200);
    expect(settings.body.recent[0]).toMatchObject({ channel: 'email', status: 'sent', subject: '用章申请：二季度收支明细表' });
  });

  it('a dead SMTP server does not fail the action; failed attempts are recorded and retried until the mail goes out', async () => {
    await stopSmtp(smtp.server);
    const { res, documentId } = await requestSeal('三季度收支明细表');
    expect(res.status).toBe(201);
    const [request] = await t.ownerQuery<{ status: string }>('SELECT status FROM seal_requests WHERE document_id = $1', [documentId]);
    expect(request.status).toBe('pending');
    const inbox = await t.http.get(url('/notifications')).set(bearer(cast.director.token)).expect(200);
    expect(inbox.body.map((n: { subject: string }) => n.subject)).toContain('用章申请：三季度收支明细表');
    const failures = await until('two failed attempts', async () => {
      const rows = await deliveries('三季度收支明细表');
      return rows.filter((r) => r.status === 'failed').length >= 2 ? rows : undefined;
    });
    expect(failures.map((r) => r.attempt).slice(0, 2)).toEqual([1, 2]);
    expect(failures[0].error).toMatch(/ECONNREFUSED|connect/i);
    // The mail server comes back on its address: a later retry delivers.
    const back = await startSmtp(smtp.port);
    smtp = back;
    const mail = await until('the retried mail', async () => back.mails.find((m) => readable(m.raw).includes('三季度收支明细表')));
    expect(mail.to).toEqual(['director@example.cn']);
    const rows = await until('the sent record', async () => {
      const all = await deliveries('三季度收支明细表');
      return all.some((r) => r.status === 'sent') ? all : undefined;
    });
    expect(rows.filter((r) => r.status === 'sent')).toHaveLength(1);
    expect(rows[rows.length - 1].attempt).toBeGreaterThanOrEqual(3);
  });

  it('a notice to a role goes to everyone holding it who chose SMS (console driver), and to no one else', async () => {
    await t.http
      .put('/api/me/notification-channels')
      .set(bearer(cast.residents.token))
      .send({ mobile: '13900001234', smsEnabled: true, emailEnabled: false })
      .expect(200);
    const sms = (t.app.get(NOTIFICATION_CHANNELS, { strict: false }) as NotificationChannel[]).find((c) => c.kind === 'sms') as SmsChannel;
    const driver = sms.smsDriver as ConsoleSmsDriver;
    const before = driver.sent.length;
    // The agenda context's notice when an item reaches a stage is role-wide (STAGE_ROLE in work-notices.ts).
    await t.dataSource.transaction((manager) =>
      t.app.get(NotificationsService).notify(manager, {
        communityId: cast.community,
        role: 'residents_committee',
        subject: '收支报表待居委会审核：2026-07-01 至 2026-09-30',
        body: '2026-07-01 至 2026-09-30 的公共收益收支报表待居委会审核。',
        subjectType: 'statement',
      }),
    );
    const text = await until('the text message', async () => driver.sent.slice(before).find((m) => m.to === '13900001234'));
    expect(text.text).toBe(
      `【共议】收支报表待居委会审核：2026-07-01 至 2026-09-30：2026-07-01 至 2026-09-30 的公共收益收支报表待居委会审核。 ${t.config.publicUrl}`,
    );
    expect(driver.sent.slice(before).map((m) => m.to)).toEqual(['13900001234']);
  });

  it('the app role may add delivery attempts but never rewrite them', async () => {
    await expect(t.dataSource.query(`UPDATE notification_deliveries SET status = 'sent'`)).rejects.toThrow(/permission/);
    await expect(t.dataSource.query(`DELETE FROM notification_deliveries`)).rejects.toThrow(/permission/);
  });
});
