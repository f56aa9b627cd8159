import { resolve } from 'node:path';

export interface AppConfig {
  port: number;
  /** Unset: the server starts an embedded PostgreSQL under dataDir. */
  databaseUrl?: string;
  dataDir: string;
  embeddedPgPort: number;
  /** Unset: generated once and kept in dataDir (development). */
  jwtSecret?: string;
  jwtTtlMinutes: number;
  /** 64 hex characters (AES-256). Unset: generated once and kept in dataDir (development). */
  masterKey?: string;
  loginMaxFailures: number;
  loginLockMinutes: number;
  /** Base delay added after the second failed login in a row; doubles per further failure. */
  loginSlowdownMs: number;
  publicUrl: string;
  timeZone: string;
  logLevel: 'error' | 'warn' | 'log' | 'debug';
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    reason: string,
  ) {
    super(`配置错误 invalid configuration: ${variable} ${reason}`);
  }
}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function optional(env: Env, name: string): string | undefined {
  const raw = env[name]?.trim();
  return raw ? raw : undefined;
}

/** Reads and checks every setting once at start; the first bad one stops the server. */
export function loadConfig(env: Env = process.env): AppConfig {
  const databaseUrl = optional(env, 'DATABASE_URL');
  if (databaseUrl && !/^postgres(ql)?:\/\/[^\s]+$/.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL', 'must look like postgres://user@host:port/database');
  }
  const jwtSecret = optional(env, 'JWT_SECRET');
  if (jwtSecret && jwtSecret.length < 32) throw new ConfigError('JWT_SECRET', 'must be at least 32 characters');
  const masterKey = optional(env, 'MASTER_KEY');
  if (masterKey && !/^[0-9a-fA-F]{64}$/.test(masterKey)) {
    throw new ConfigError('MASTER_KEY', 'must be 64 hexadecimal characters (32 bytes)');
  }
  const publicUrl = optional(env, 'PUBLIC_URL');
  if (publicUrl && !/^https?:\/\/\S+$/.test(publicUrl)) {
    throw new ConfigError('PUBLIC_URL', 'must be an http(s) URL');
  }
  const logLevel = optional(env, 'LOG_LEVEL') ?? 'log';
  if (!['error', 'warn', 'log', 'debug'].includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', 'must be one of error, warn, log, debug');
  }
  const timeZone = optional(env, 'TZ_DEFAULT') ?? 'Asia/Shanghai';
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw new ConfigError('TZ_DEFAULT', `is not a known time zone: "${timeZone}"`);
  }
  const port = integer(env, 'PORT', 3000, 0, 65535);
  return {
    port,
    databaseUrl,
    dataDir: resolve(optional(env, 'DATA_DIR') ?? 'data'),
    embeddedPgPort: integer(env, 'EMBEDDED_PG_PORT', 5488, 1024, 65535),
    jwtSecret,
    jwtTtlMinutes: integer(env, 'JWT_TTL_MINUTES', 720, 1, 60 * 24 * 30),
    masterKey,
    loginMaxFailures: integer(env, 'LOGIN_MAX_FAILURES', 5, 1, 100),
    loginLockMinutes: integer(env, 'LOGIN_LOCK_MINUTES', 15, 1, 24 * 60),
    loginSlowdownMs: integer(env, 'LOGIN_SLOWDOWN_MS', 500, 0, 10000),
    publicUrl: publicUrl ?? `http://localhost:${port}`,
    timeZone,
    logLevel: logLevel as AppConfig['logLevel'],
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');

/** The configuration after development secrets have been filled in. */
export interface RuntimeConfig extends AppConfig {
  jwtSecret: string;
  masterKey: string;
  /** Key for hashing identity numbers, derived from the master key. */
  idPepper: string;
}
