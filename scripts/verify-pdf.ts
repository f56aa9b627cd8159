/**
 * npm run verify -- <file.pdf> [--ca root.pem]
 *
 * Checks every seal (PDF signature) of the file against the deployment's seal root CA and whether the bytes
 * are exactly a registered final document. The root CA and the registered hashes are read from the database
 * (DATABASE_URL; `npm run verify` starts the development database when it is unset). With --ca <root.pem>
 * (e.g. downloaded from /api/ca.pem) the signatures are checked against that file instead, and without a
 * database the check is offline: signatures only, no registration.
 * Exit code 0: every seal valid (and, with a database, the file is registered); 1: not; 2: usage or setup error.
 */
import { fileDigest, SEAL_KIND_NAME, verifyPdf } from '@gongyi/pdf';
import { readFileSync } from 'node:fs';
import { Client } from 'pg';

interface Registered {
  number: string;
  title: string;
  community: string;
  finalised_at: Date;
}

function parseArgs(argv: string[]): { file?: string; ca?: string } {
  const out: { file?: string; ca?: string } = {};
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--ca') out.ca = argv[++i];
    else if (!out.file) out.file = argv[i];
  }
  return out;
}

async function fromDatabase(url: string, sha256: string): Promise<{ rootPem?: string; registered?: Registered }> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const ca = await client.query<{ cert_pem: string }>(`SELECT cert_pem FROM seal_root_cas WHERE name = 'seal-root'`);
    const doc = await client.query<Registered>(
      `SELECT d.number, d.title, c.name AS community, d.finalised_at FROM documents d JOIN communities c ON c.id = d.community_id
       WHERE d.status = 'final' AND d.file_sha256 = $1 LIMIT 1`,
      [sha256],
    );
    return { rootPem: ca.rows[0]?.cert_pem, registered: doc.rows[0] };
  } finally {
    await client.end();
  }
}

export async function main(argv: string[], databaseUrl: string | undefined, print: (line: string) => void = console.log): Promise<number> {
  const args = parseArgs(argv);
  if (!args.file) {
    print('用法 usage: npm run verify -- <file.pdf> [--ca root.pem]');
    return 2;
  }
  const pdf = readFileSync(args.file);
  const sha256 = fileDigest(pdf);
  let db: Awaited<ReturnType<typeof fromDatabase>> = {};
  if (databaseUrl) {
    try {
      db = await fromDatabase(databaseUrl, sha256);
    } catch (error) {
      print(`无法读取数据库（请先启动一次服务器以完成迁移）cannot read the database: ${(error as Error).message}`);
      return 2;
    }
  }
  const rootPem = args.ca ? readFileSync(args.ca, 'utf8') : db.rootPem;
  if (!rootPem) {
    print('找不到印章根证书：请用 --ca 指定，或先启动一次服务器 (no root CA: pass --ca or start the server once)');
    return 2;
  }
  const result = verifyPdf(pdf, rootPem);
  print(`文件 file: ${args.file}`);
  print(`SHA-256: ${sha256}`);
  if (result.signatures.length === 0) print('✘ 文件中没有印章签名 (no signatures)');
  result.signatures.forEach((s, i) => {
    const ok = s.integrity && s.chainTrusted;
    const kind = s.sealKind ? SEAL_KIND_NAME[s.sealKind] : '未知印章';
    print(
      `${ok ? '✔' : '✘'} 第${i + 1}枚 ${kind}：${s.signerName || '（无名称）'}，签章时间 ${s.signingTime?.toISOString() ?? '—'}，${ok ? '有效 valid' : `无效 invalid (${s.problems.join('; ')})`}`,
    );
  });
  if (result.signatures.length && !result.signatures[result.signatures.length - 1].coversWholeFile) {
    print('✘ 最后一次签章之后文件被追加或改动 (bytes after the last signature)');
  }
  if (databaseUrl) {
    if (db.registered) {
      const r = db.registered;
      print(`✔ 与登记文书完全一致 registered: ${r.number}「${r.title}」（${r.community}，${r.finalised_at.toISOString()} 定稿）`);
    } else {
      print('✘ 未找到与此文件完全一致的登记文书 (bytes do not match any registered document)');
    }
  }
  const ok = result.valid && (!databaseUrl || !!db.registered);
  print(ok ? '结论：真实有效 AUTHENTIC' : '结论：验证未通过 NOT VERIFIED');
  return ok ? 0 : 1;
}

if (require.main === module) {
  main(process.argv.slice(2), process.env.DATABASE_URL).then(
    (code) => process.exit(code),
    (error: Error) => {
      console.error(error.message);
      process.exit(2);
    },
  );
}
