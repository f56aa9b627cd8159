import { ConfigError } from './app-config';

type Env = Record<string, string | undefined>;

/** Where document files (the sealed PDFs) keep their bytes. */
export type FileStoreConfig =
  | { kind: 'database' }
  | {
      kind: 's3';
      /** S3_ENDPOINT: the S3-compatible service (MinIO, Ceph, 阿里云 OSS, 腾讯云 COS …); unset = AWS for S3_REGION. */
      endpoint?: string;
      bucket: string;
      accessKey: string;
      secretKey: string;
      region: string;
      /** S3_FORCE_PATH_STYLE: 1 (default with S3_ENDPOINT) = http://host/bucket/key, 0 = http://bucket.host/key. */
      forcePathStyle: boolean;
    };

const optional = (env: Env, name: string) => env[name]?.trim() || undefined;
const POSTGRES_URL = /^postgres(ql)?:\/\/[^\s]+$/;

/** DATABASE_REPLICA_URL: a read-only copy (streaming replica) of the database, for the public pages only. */
export function loadReplicaUrl(env: Env): string | undefined {
  const url = optional(env, 'DATABASE_REPLICA_URL');
  if (url && !POSTGRES_URL.test(url)) throw new ConfigError('DATABASE_REPLICA_URL', 'must look like postgres://user@host:port/database');
  return url;
}

/** FILE_STORE=database (default) | s3 with S3_BUCKET, S3_ACCESS_KEY, S3_SECRET_KEY and S3_ENDPOINT / S3_REGION. */
export function loadFileStore(env: Env): FileStoreConfig {
  const kind = optional(env, 'FILE_STORE') ?? 'database';
  if (kind === 'database') return { kind };
  if (kind !== 's3') throw new ConfigError('FILE_STORE', `must be database or s3, got "${kind}"`);
  const endpoint = optional(env, 'S3_ENDPOINT');
  if (endpoint && !/^https?:\/\/\S+$/.test(endpoint)) throw new ConfigError('S3_ENDPOINT', 'must be an http(s) URL');
  const bucket = optional(env, 'S3_BUCKET');
  // The S3 bucket naming rules (3–63 lower-case letters, digits, dots, hyphens).
  if (!bucket || !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket))
    throw new ConfigError('S3_BUCKET', `is needed with FILE_STORE=s3: 3–63 lower-case letters, digits, "." or "-", got "${bucket ?? ''}"`);
  const accessKey = optional(env, 'S3_ACCESS_KEY');
  if (!accessKey) throw new ConfigError('S3_ACCESS_KEY', 'is needed with FILE_STORE=s3');
  const secretKey = optional(env, 'S3_SECRET_KEY');
  if (!secretKey) throw new ConfigError('S3_SECRET_KEY', 'is needed with FILE_STORE=s3');
  const region = optional(env, 'S3_REGION') ?? 'us-east-1';
  if (!/^[a-z0-9-]+$/.test(region)) throw new ConfigError('S3_REGION', `must look like us-east-1 or cn-north-1, got "${region}"`);
  const pathStyle = optional(env, 'S3_FORCE_PATH_STYLE') ?? (endpoint ? '1' : '0');
  if (!['0', '1'].includes(pathStyle)) throw new ConfigError('S3_FORCE_PATH_STYLE', `must be 0 or 1, got "${pathStyle}"`);
  return { kind, endpoint, bucket, accessKey, secretKey, region, forcePathStyle: pathStyle === '1' };
}
