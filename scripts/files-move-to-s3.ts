/**
 * npm run files:move-to-s3 [-- --batch N]
 * Moves the document files kept in the database (FILE_STORE=database, or written before FILE_STORE=s3) into the
 * S3 bucket named by FILE_STORE=s3 and S3_*: copy, check there (HEAD size + GET SHA-256), then mark the row and
 * clear its bytes. Resumable and idempotent (a second run moves nothing). Database: MIGRATION_DATABASE_URL or
 * DATABASE_URL, else the embedded cluster in DATA_DIR. Exit code 0 all moved, 1 some left behind, 2 refused.
 * See apps/api/src/backup/move-files-to-s3.ts.
 */
import { loadFileStore } from '../apps/api/src/config/scale-config';
import { moveFilesToS3 } from '../apps/api/src/backup/move-files-to-s3';
import { S3FileStore } from '../apps/api/src/documents/file-store';
import { commandDatabase } from './backup-cli';
import { errorText } from './error-text';

async function main(): Promise<number> {
  const config = loadFileStore(process.env);
  if (config.kind !== 's3') {
    console.error('✘ 请先设置 FILE_STORE=s3 与 S3_BUCKET、S3_ACCESS_KEY、S3_SECRET_KEY（S3_ENDPOINT）：文件将迁入该存储桶');
    console.error('  set FILE_STORE=s3 and the S3_* settings of the bucket the files move to');
    return 2;
  }
  const at = process.argv.indexOf('--batch');
  const batchSize = at > 0 ? Number(process.argv[at + 1]) : 50;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 1000) {
    console.error('✘ --batch 应为 1–1000 的整数 --batch must be an integer from 1 to 1000');
    return 2;
  }
  const store = new S3FileStore(config);
  const db = await commandDatabase('files:move-to-s3');
  try {
    console.log(`— 迁移文书文件到 S3 存储桶 ${config.bucket} moving document files to the bucket`);
    const summary = await moveFilesToS3(db.url, store, { batchSize, log: (line) => console.log(line) });
    for (const bad of summary.failed) {
      console.log(`✘ 文书文件 ${bad.documentId} 第 ${bad.revision} 版未迁移 not moved (${bad.id}): ${bad.problem}`);
    }
    console.log(
      `✔ 本次迁移 ${summary.moved} 个，此前已在 S3 ${summary.alreadyInStore} 个，未迁移 ${summary.failed.length} 个` +
        ` moved ${summary.moved}, already in S3 ${summary.alreadyInStore}, left in the database ${summary.failed.length}`,
    );
    return summary.failed.length ? 1 : 0;
  } finally {
    store.destroy();
    await db.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`✘ 迁移失败 move failed: ${errorText(error)}`);
    process.exit(2);
  },
);
