/**
 * npm run restore -- <file>
 * Restores a backup into an empty database (DATABASE_URL; created if it does not exist yet) or, without
 * DATABASE_URL, into a new embedded cluster in an empty DATA_DIR; refuses anything that already holds data.
 * Then proves the copy: the decision record's chain and ballots of every community (record:verify --all) and
 * every document file's SHA-256. Exit code 0 intact, 1 verification failed, 2 refused or not restored.
 */
import { ensureDatabase } from '@gongyi/database/embedded-postgres';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { BackupRefused, checkDocumentFiles, restoreBackup } from '../apps/api/src/backup/backup-file';
import { loadFileStore } from '../apps/api/src/config/scale-config';
import { fileStoreFor } from '../apps/api/src/documents/file-store';
import { commandDatabase, usage } from './backup-cli';
import { main as recordVerify } from './record-verify';
import { errorText } from './error-text';

async function createIfMissing(url: string): Promise<void> {
  const parsed = new URL(url);
  const database = decodeURIComponent(parsed.pathname.slice(1));
  parsed.pathname = '/postgres';
  await ensureDatabase(parsed.toString(), database);
}

async function communityCount(url: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ n: number }>('SELECT count(*)::int AS n FROM communities')).rows[0].n;
  } finally {
    await client.end();
  }
}

async function main(): Promise<number> {
  const source = process.argv[2];
  if (!source) usage('restore');
  const file = resolve(source);
  const db = await commandDatabase('restore');
  try {
    if (!db.embedded) await createIfMissing(db.url);
    const summary = await restoreBackup(db.url, file);
    console.log(`✔ 已恢复 restored: ${summary.tables} 张表，${summary.rows} 行 tables/rows`);
    console.log('— 校验决策记录 verifying the decision record (record:verify --all)');
    let code = 0;
    if ((await communityCount(db.url)) === 0) console.log('  备份中没有小区 no communities in the backup');
    else code = await recordVerify(['--all'], db.url);
    // FILE_STORE=s3 (+ S3_*) in the environment: the files kept in the bucket are read back and checked too.
    const store = fileStoreFor(loadFileStore(process.env));
    const documents = await checkDocumentFiles(db.url, store);
    for (const bad of documents.mismatched) {
      console.log(`✘ 文书文件 ${bad.documentId} 第 ${bad.revision} 版的哈希与记录不符 document file hash mismatch (${bad.id})`);
    }
    for (const bad of documents.storeBad) {
      console.log(`✘ S3 中的文书文件 ${bad.documentId} 第 ${bad.revision} 版缺失或已被改动 document file in S3 ${bad.problem} (${bad.id})`);
    }
    if (documents.mismatched.length || documents.storeBad.length) code = 1;
    else console.log(`✔ ${documents.files} 个文书文件的 SHA-256 与记录一致 document files intact`);
    if (documents.inStore > 0 && documents.storeChecked === documents.inStore && !documents.storeBad.length)
      console.log(`✔ S3 中的 ${documents.inStore} 个文书文件均在且 SHA-256 一致 document files in S3 intact`);
    if (documents.inStore > 0 && documents.storeChecked < documents.inStore) {
      console.log(`! ${documents.inStore} 个文书文件存放在 S3 存储桶中，不在备份文件里；设置 FILE_STORE=s3 与 S3_* 后再运行可一并核对。`);
      console.log(
        `  ${documents.inStore} document files live in the S3 bucket, not in the backup: set FILE_STORE=s3 and S3_* to check them.`,
      );
    }
    console.log(code === 0 ? '恢复完成，校验通过 restore verified' : '恢复完成，但校验未通过 restore finished, verification FAILED');
    return code;
  } finally {
    await db.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`✘ ${error instanceof BackupRefused ? '' : '恢复失败 restore failed: '}${errorText(error)}`);
    process.exit(2);
  },
);
