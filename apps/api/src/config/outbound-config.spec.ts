import { loadConfig } from './app-config';

describe('outbound and backup settings', () => {
  it('defaults: no e-mail channel, console SMS, no daily backup, 14 days kept', () => {
    const config = loadConfig({});
    expect(config.outbound).toMatchObject({ smtpUrl: undefined, smsProviderUrl: undefined, retryLimit: 5, retryDelaySeconds: 30 });
    expect(config.backup).toEqual({ dir: undefined, keepDays: 14, cron: '0 3 * * *' });
  });

  it('reads SMTP, SMS and backup settings', () => {
    const config = loadConfig({
      SMTP_URL: 'smtps://u:p@mail.example.cn:465',
      SMTP_FROM: '共议 <a@b.cn>',
      SMS_PROVIDER_URL: 'https://sms.example.cn/send',
      SMS_TOKEN: 'tok',
      BACKUP_DIR: '/srv/backup',
      BACKUP_KEEP_DAYS: '30',
    });
    expect(config.outbound).toMatchObject({ smtpUrl: 'smtps://u:p@mail.example.cn:465', smtpFrom: '共议 <a@b.cn>', smsToken: 'tok' });
    expect(config.backup).toMatchObject({ dir: '/srv/backup', keepDays: 30 });
  });

  it.each([
    [{ SMTP_URL: 'mail.example.cn' }, 'SMTP_URL'],
    [{ SMS_PROVIDER_URL: 'https://sms.example.cn' }, 'SMS_TOKEN'],
    [{ SMS_PROVIDER_URL: 'ftp://x', SMS_TOKEN: 't' }, 'SMS_PROVIDER_URL'],
    [{ BACKUP_KEEP_DAYS: '0' }, 'BACKUP_KEEP_DAYS'],
    [{ BACKUP_CRON: 'daily' }, 'BACKUP_CRON'],
    [{ NOTIFY_RETRY_LIMIT: 'many' }, 'NOTIFY_RETRY_LIMIT'],
  ])('refuses %j naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(variable);
  });
});
