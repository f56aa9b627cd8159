import { resolve } from 'node:path';
import { ConfigError } from './app-config';

type Env = Record<string, string | undefined>;

export interface BackupConfig {
  /** BACKUP_DIR: set = a backup is written there every day (pg-boss cron, once across all processes). */
  dir?: string;
  keepDays: number;
  /** BACKUP_CRON: when, in TZ_DEFAULT; 03:00 by default. */
  cron: string;
}

export interface OutboundConfig {
  /** SMTP_URL: smtp(s)://user:pass@host:port; unset = no e-mail channel. */
  smtpUrl?: string;
  smtpFrom: string;
  /** SMS_PROVIDER_URL: an HTTP gateway (see sms-channel.ts for the request); unset = console driver. */
  smsProviderUrl?: string;
  smsToken?: string;
  /** NOTIFY_RETRY_LIMIT / NOTIFY_RETRY_DELAY_SECONDS: attempts after the first, first delay (doubling). */
  retryLimit: number;
  retryDelaySeconds: number;
}

const optional = (env: Env, name: string) => env[name]?.trim() || undefined;

function whole(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = optional(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

export function loadBackupConfig(env: Env): BackupConfig {
  const dir = optional(env, 'BACKUP_DIR');
  const cron = optional(env, 'BACKUP_CRON') ?? '0 3 * * *';
  if (cron.split(/\s+/).length !== 5) throw new ConfigError('BACKUP_CRON', `must be a five-field cron expression, got "${cron}"`);
  return { dir: dir ? resolve(dir) : undefined, keepDays: whole(env, 'BACKUP_KEEP_DAYS', 14, 1, 3650), cron };
}

export function loadOutboundConfig(env: Env): OutboundConfig {
  const smtpUrl = optional(env, 'SMTP_URL');
  if (smtpUrl && !/^smtps?:\/\/\S+$/.test(smtpUrl))
    throw new ConfigError('SMTP_URL', 'must look like smtp://user:password@host:587 or smtps://…');
  const smsProviderUrl = optional(env, 'SMS_PROVIDER_URL');
  if (smsProviderUrl && !/^https?:\/\/\S+$/.test(smsProviderUrl)) throw new ConfigError('SMS_PROVIDER_URL', 'must be an http(s) URL');
  const smsToken = optional(env, 'SMS_TOKEN');
  if (smsProviderUrl && !smsToken) throw new ConfigError('SMS_TOKEN', 'is needed with SMS_PROVIDER_URL');
  return {
    smtpUrl,
    smtpFrom: optional(env, 'SMTP_FROM') ?? '共议 Gongyi <no-reply@localhost>',
    smsProviderUrl,
    smsToken,
    retryLimit: whole(env, 'NOTIFY_RETRY_LIMIT', 5, 0, 50),
    retryDelaySeconds: whole(env, 'NOTIFY_RETRY_DELAY_SECONDS', 30, 1, 86400),
  };
}
