/**
 * npm run backup -- <file>
 * Writes the whole database (DATABASE_URL / MIGRATION_DATABASE_URL, or the embedded one in DATA_DIR) to one
 * file, from a single consistent snapshot, while the server keeps running. See apps/api/src/backup/backup-file.ts.
 */
import { resolve } from 'node:path';
import { documentFilesInStore, writeBackup } from '../apps/api/src/backup/backup-file';
import { commandDatabase, usage } from './backup-cli';
import { errorText } from './error-text';

async function main(): Promise<number> {
  const target = process.argv[2];
  if (!target) usage('backup');
  const file = resolve(target);
  const db = await commandDatabase('backup');
  try {
    const summary = await writeBackup(db.url, file);
    console.log(`✔ 已备份 backup written: ${file}（${summary.tables} 张表，${summary.rows} 行 tables/rows）`);
    console.log('  备份不含主密钥：请另行妥善保管 MASTER_KEY 或 DATA_DIR/secrets/master-key，恢复后须使用同一密钥。');
    console.log('  the backup does not hold the master key: keep MASTER_KEY (or DATA_DIR/secrets/master-key) safely apart.');
    const inStore = await documentFilesInStore(db.url);
    if (inStore > 0) {
      console.log(
        `  ${inStore} 个文书文件存放在 S3 存储桶（FILE_STORE=s3），不在本备份文件中：请同时备份该存储桶（对象不可变，按 SHA-256 命名，增量同步即可）。`,
      );
      console.log(
        `  ${inStore} document files are in the S3 bucket, not in this file: back the bucket up too (immutable, content-addressed objects).`,
      );
    }
    return 0;
  } finally {
    await db.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`✘ ${errorText(error)}`);
    process.exit(2);
  },
);
