import { HttpException, HttpStatus } from '@nestjs/common';
import type { S3Client } from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import type { FileStoreConfig } from '../config/scale-config';

/**
 * Where a document file's bytes live (FILE_STORE). Files are content-addressed and immutable: the key is the
 * SHA-256 of the bytes, so a put of the same bytes twice keeps one object and two documents with the same
 * bytes share it. `document_files` keeps the SHA-256, size and seals in every case; with `database` the bytes
 * are in its `bytes` column, with `s3` that column is empty and `stored_in` says where they are.
 */
export interface FileStore {
  readonly kind: 'database' | 's3';
  /** Keeps `bytes` under `sha256` (theirs). Idempotent. */
  put(sha256: string, bytes: Buffer): Promise<void>;
  /** The bytes kept under `sha256`; throws if there are none. Not checked here: see DocumentFileStore.read. */
  get(sha256: string): Promise<Buffer>;
}

export const FILE_STORE = Symbol('FILE_STORE');

/** Object key of a document file: one prefix, then the hex SHA-256 (fanned out by its first two digits). */
export const objectKey = (sha256: string) => `documents/sha256/${sha256.slice(0, 2)}/${sha256}`;

export const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** FILE_STORE=database: the bytes go into document_files.bytes in the same transaction as the row. */
export class DatabaseFileStore implements FileStore {
  readonly kind = 'database' as const;
  put(): Promise<void> {
    return Promise.resolve();
  }
  get(sha256: string): Promise<Buffer> {
    return Promise.reject(
      new Error(`文书文件 ${sha256} 存放在 S3，但本服务未配置 FILE_STORE=s3 (file kept in S3, but FILE_STORE is database)`),
    );
  }
}

type S3Sdk = typeof import('@aws-sdk/client-s3');

/** Loaded only with FILE_STORE=s3: a server keeping files in the database never pays for the SDK. */
function loadSdk(): S3Sdk {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('@aws-sdk/client-s3') as S3Sdk;
}

/**
 * FILE_STORE=s3: any S3-compatible service (AWS S3, MinIO, Ceph RGW, 阿里云 OSS, 腾讯云 COS, 华为云 OBS …).
 * The object is written before the row that names it is committed: a transaction that then fails leaves an
 * object no row names, which is harmless (same bytes, same key, next time) and never the other way round.
 */
export class S3FileStore implements FileStore {
  readonly kind = 's3' as const;
  private readonly client: S3Client;
  private readonly sdk: S3Sdk;
  readonly bucket: string;

  constructor(config: Extract<FileStoreConfig, { kind: 's3' }>) {
    this.bucket = config.bucket;
    this.sdk = loadSdk();
    this.client = new this.sdk.S3Client({
      endpoint: config.endpoint,
      region: config.region,
      forcePathStyle: config.forcePathStyle,
      credentials: { accessKeyId: config.accessKey, secretAccessKey: config.secretKey },
      maxAttempts: 3,
    });
  }

  async put(sha256: string, bytes: Buffer): Promise<void> {
    const Key = objectKey(sha256);
    // Immutable: an object already under this key holds these very bytes (the key is their hash).
    if (await this.exists(Key)) return;
    await this.client.send(
      new this.sdk.PutObjectCommand({
        Bucket: this.bucket,
        Key,
        Body: bytes,
        ContentType: 'application/pdf',
        ContentLength: bytes.length,
        Metadata: { sha256 },
      }),
    );
  }

  async get(sha256: string): Promise<Buffer> {
    const out = await this.client.send(new this.sdk.GetObjectCommand({ Bucket: this.bucket, Key: objectKey(sha256) }));
    return Buffer.from(await out.Body!.transformToByteArray());
  }

  /** The size of the object kept under `sha256` (a HEAD, no body read), or null when there is none. */
  async size(sha256: string): Promise<number | null> {
    return this.head(objectKey(sha256));
  }

  private async exists(Key: string): Promise<boolean> {
    return (await this.head(Key)) !== null;
  }

  private async head(Key: string): Promise<number | null> {
    try {
      const out = await this.client.send(new this.sdk.HeadObjectCommand({ Bucket: this.bucket, Key }));
      return out.ContentLength ?? 0;
    } catch (error) {
      if (error instanceof this.sdk.S3ServiceException && error.$metadata.httpStatusCode === 404) return null;
      throw error;
    }
  }

  destroy(): void {
    this.client.destroy();
  }
}

export function fileStoreFor(config: FileStoreConfig): FileStore {
  return config.kind === 's3' ? new S3FileStore(config) : new DatabaseFileStore();
}

/** A stored row as far as its bytes go. */
export interface StoredFile {
  sha256: string;
  storedIn: 'database' | 's3';
  bytes: Buffer | null;
}

/** What goes into the row for new bytes, after the store has kept them. */
export async function keepFile(
  store: FileStore,
  sha256: string,
  bytes: Buffer,
): Promise<{ bytes: Buffer | null; storedIn: 'database' | 's3' }> {
  if (store.kind === 'database') return { bytes, storedIn: 'database' };
  await store.put(sha256, bytes);
  return { bytes: null, storedIn: 's3' };
}

/**
 * The bytes of a stored row, wherever they are. `check` (downloads): bytes from the store that do not hash to
 * the row's SHA-256 are refused rather than served under its ETag; verification reads them unchecked and
 * reports the mismatch itself.
 */
export async function readFile(store: FileStore, file: StoredFile, check = true): Promise<Buffer> {
  if (file.storedIn === 'database') return file.bytes!;
  const bytes = await store.get(file.sha256);
  if (check && sha256Of(bytes) !== file.sha256)
    // The store answered with other bytes than were registered: an upstream integrity fault, reported as such.
    throw new HttpException(
      {
        code: 'file_store_mismatch',
        message: `文书文件存储中的内容与登记的 SHA-256 不符，已拒绝提供（${objectKey(file.sha256)}），请联系系统管理员 (object changed in the store)`,
      },
      HttpStatus.BAD_GATEWAY,
    );
  return bytes;
}
