import { resolve } from 'node:path';
import { type LimitsConfig, loadLimits } from './limits-config';
import { type BackupConfig, loadBackupConfig, loadOutboundConfig, type OutboundConfig } from './outbound-config';
import { type FileStoreConfig, loadFileStore, loadReplicaUrl } from './scale-config';

export interface AppConfig {
  port: number;
  /** Address the HTTP server binds to (HOST): 0.0.0.0 all interfaces, 127.0.0.1 behind a local reverse proxy. */
  host: string;
  /** Unset: the server starts an embedded PostgreSQL under dataDir. */
  databaseUrl?: string;
  /** Role that owns the schema and runs migrations; unset: see apps/api/src/database/app-database.ts. */
  migrationDatabaseUrl?: string;
  /** DATABASE_REPLICA_URL: read-only copy the public (no-login) pages read from; unset = everything on DATABASE_URL. */
  databaseReplicaUrl?: string;
  /** FILE_STORE: where document files keep their bytes (database by default, or an S3-compatible bucket). */
  fileStore: FileStoreConfig;
  /** ALLOW_SUPERUSER=1: run the app itself as a superuser / table owner (refused otherwise). */
  allowSuperuser: boolean;
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
  /** External RFC 3161 time-stamp authority (HTTP POST of the TimeStampReq); unset: the deployment's own TSA. */
  tsaUrl?: string;
  /** PEM file of the CA that issued the external TSA's certificate (needed with TSA_URL to trust its tokens). */
  tsaCaFile?: string;
  timeZone: string;
  logLevel: 'error' | 'warn' | 'log' | 'debug';
  /** LOG_FORMAT: `plain` one readable line per entry (default), `json` one JSON object per line for collectors. */
  logFormat: 'plain' | 'json';
  /** METRICS_TOKEN: Bearer token for GET /metrics; unset, the endpoint answers 404. */
  metricsToken?: string;
  limits: LimitsConfig;
  backup: BackupConfig;
  outbound: OutboundConfig;
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
  const migrationDatabaseUrl = optional(env, 'MIGRATION_DATABASE_URL');
  if (migrationDatabaseUrl && !/^postgres(ql)?:\/\/[^\s]+$/.test(migrationDatabaseUrl)) {
    throw new ConfigError('MIGRATION_DATABASE_URL', 'must look like postgres://user@host:port/database');
  }
  if (migrationDatabaseUrl && !databaseUrl) throw new ConfigError('MIGRATION_DATABASE_URL', 'needs DATABASE_URL (the app role) too');
  const allowSuperuser = optional(env, 'ALLOW_SUPERUSER') ?? '0';
  if (!['0', '1'].includes(allowSuperuser)) throw new ConfigError('ALLOW_SUPERUSER', `must be 0 or 1, got "${allowSuperuser}"`);
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
  const tsaUrl = optional(env, 'TSA_URL');
  if (tsaUrl && !/^https?:\/\/\S+$/.test(tsaUrl)) {
    throw new ConfigError('TSA_URL', 'must be an http(s) URL');
  }
  const tsaCaFile = optional(env, 'TSA_CA_FILE');
  if (tsaUrl && !tsaCaFile)
    throw new ConfigError('TSA_CA_FILE', "is needed with TSA_URL: the PEM of the CA that issued the TSA's certificate");
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
  const logFormat = optional(env, 'LOG_FORMAT') ?? 'plain';
  if (!['plain', 'json'].includes(logFormat)) throw new ConfigError('LOG_FORMAT', `must be plain or json, got "${logFormat}"`);
  const metricsToken = optional(env, 'METRICS_TOKEN');
  if (metricsToken && (metricsToken.length < 16 || /\s/.test(metricsToken))) {
    throw new ConfigError('METRICS_TOKEN', 'must be at least 16 characters without spaces');
  }
  const host = optional(env, 'HOST') ?? '0.0.0.0';
  // An IPv4/IPv6 address or a host name; a URL or anything with a port is a mistake worth stopping for.
  if (!/^([0-9A-Za-z.-]+|[0-9A-Fa-f:]+)$/.test(host)) {
    throw new ConfigError('HOST', `must be an address to bind to such as 0.0.0.0, 127.0.0.1 or ::, got "${host}"`);
  }
  const port = integer(env, 'PORT', 3000, 0, 65535);
  return {
    port,
    host,
    databaseUrl,
    migrationDatabaseUrl,
    databaseReplicaUrl: loadReplicaUrl(env),
    fileStore: loadFileStore(env),
    allowSuperuser: allowSuperuser === '1',
    dataDir: resolve(optional(env, 'DATA_DIR') ?? 'data'),
    embeddedPgPort: integer(env, 'EMBEDDED_PG_PORT', 5488, 1024, 65535),
    jwtSecret,
    jwtTtlMinutes: integer(env, 'JWT_TTL_MINUTES', 720, 1, 60 * 24 * 30),
    masterKey,
    loginMaxFailures: integer(env, 'LOGIN_MAX_FAILURES', 5, 1, 100),
    loginLockMinutes: integer(env, 'LOGIN_LOCK_MINUTES', 15, 1, 24 * 60),
    loginSlowdownMs: integer(env, 'LOGIN_SLOWDOWN_MS', 500, 0, 10000),
    publicUrl: publicUrl ?? `http://localhost:${port}`,
    tsaUrl,
    tsaCaFile: tsaCaFile ? resolve(tsaCaFile) : undefined,
    timeZone,
    logLevel: logLevel as AppConfig['logLevel'],
    logFormat: logFormat as AppConfig['logFormat'],
    metricsToken,
    limits: loadLimits(env),
    backup: loadBackupConfig(env),
    outbound: loadOutboundConfig(env),
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
