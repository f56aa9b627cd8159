/**
 * npm run verify -- <file.pdf> [--ca root.pem] [--crl root.crl] [--tsa-ca tsa-root.pem]
 *
 * Checks every seal (PDF signature) of the file against the deployment's seal root CA and whether the bytes
 * are exactly a registered final document. The root CA and the registered hashes are read from the database
 * (DATABASE_URL; `npm run verify` starts the development database when it is unset). With --ca <root.pem>
 * (e.g. downloaded from /api/ca.pem) the signatures are checked against that file instead, and without a
 * database the check is offline: signatures only, no registration. Retired seals are read from the database, from
 * --crl (e.g. downloaded from /api/crl) and from the CRLs embedded in the file's signatures; each signature's
 * trusted time (RFC 3161 timestamp) is printed. With an external TSA (TSA_URL), pass its CA as --tsa-ca.
 * It prints the one verdict the API's POST /api/verify gives (same function, apps/api/src/documents/verdict-facts.ts).
 * Exit code 0: genuine (with a database: exactly the registered sealed file); 1: any other verdict; 2: usage or setup.
 */
import { fileDigest, formatDateTimeSeconds, SEAL_KIND_NAME, verifyPdf, type Revocation, type VerifyResult } from '@gongyi/pdf';
import { applyRevocations } from '@gongyi/pdf/verify';
import { verdictFor } from '@gongyi/pdf/verdict';
import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { verdictOf, type RegisteredRow } from '../apps/api/src/documents/verdict-facts';
import { NOT_PDF_MESSAGE } from '../apps/api/src/documents/verify-limits';
import { errorText } from './error-text';

function parseArgs(argv: string[]): { file?: string; ca?: string; crl?: string; tsaCa?: string } {
  const out: { file?: string; ca?: string; crl?: string; tsaCa?: string } = {};
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--ca') out.ca = argv[++i];
    else if (argv[i] === '--crl') out.crl = argv[++i];
    else if (argv[i] === '--tsa-ca') out.tsaCa = argv[++i];
    else if (!out.file) out.file = argv[i];
  }
  return out;
}

const check = (pdf: Buffer, rootPem: string, crls: Buffer[], timestampRoots: string[]): VerifyResult => {
  try {
    return verifyPdf(pdf, rootPem, { crls, timestampRoots });
  } catch {
    return { signatures: [], valid: false };
  }
};

export async function main(argv: string[], databaseUrl: string | undefined, print: (line: string) => void = console.log): Promise<number> {
  const args = parseArgs(argv);
  if (!args.file) {
    print('用法：npm run verify -- <文件.pdf> [--ca 根证书.pem] [--crl 吊销列表.crl] [--tsa-ca 时间戳根证书.pem]');
    return 2;
  }
  const pdf = readFileSync(args.file);
  print(`文件：${args.file}`);
  if (pdf.length < 8 || pdf.subarray(0, 5).toString('latin1') !== '%PDF-') {
    print(`结论：${NOT_PDF_MESSAGE}`);
    return 1;
  }
  const sha256 = fileDigest(pdf);
  print(`SHA-256：${sha256}`);
  let client: Client | undefined;
  if (databaseUrl) {
    client = new Client({ connectionString: databaseUrl });
    try {
      await client.connect();
    } catch (error) {
      print(`无法连接数据库（请先启动一次服务器以完成迁移）：${(error as Error).message}`);
      return 2;
    }
  }
  try {
    let rootPem = args.ca ? readFileSync(args.ca, 'utf8') : undefined;
    let revocations: Revocation[] = [];
    if (client) {
      try {
        rootPem ??= (await client.query<{ cert_pem: string }>(`SELECT cert_pem FROM seal_root_cas WHERE name = 'seal-root'`)).rows[0]
          ?.cert_pem;
        const retired = await client.query<{ serial_number: string; retired_at: Date }>(
          `SELECT serial_number, retired_at FROM seals WHERE status = 'retired' AND retired_at IS NOT NULL`,
        );
        revocations = retired.rows.map((r) => ({ serial: r.serial_number, revokedAt: new Date(r.retired_at) }));
      } catch (error) {
        print(`无法读取数据库（请先启动一次服务器以完成迁移）：${(error as Error).message}`);
        return 2;
      }
    }
    if (!rootPem) {
      print('找不到印章根证书：请用 --ca 指定（可从 /api/ca.pem 下载），或先启动一次服务器');
      return 2;
    }
    const crls = args.crl ? [readFileSync(args.crl)] : [];
    const timestampRoots = args.tsaCa ? [readFileSync(args.tsaCa, 'utf8')] : [];
    const checked = (registeredAt?: Date) => applyRevocations(check(pdf, rootPem!, crls, timestampRoots), revocations, registeredAt);
    // The same verdict, from the same function, as POST /api/verify and the /verify page.
    const db = client;
    const found = db
      ? await verdictOf(async <T>(sql: string, params: unknown[]) => (await db.query(sql, params)).rows as T[], pdf, sha256, checked)
      : (() => {
          const result = checked();
          return { result, verdict: verdictFor({ result, registeredFinal: false }), registered: undefined as RegisteredRow | undefined };
        })();
    found.result.signatures.forEach((s, i) => {
      const ok = s.integrity && s.chainTrusted && !s.revocation && s.timestamp?.valid !== false;
      const kind = s.sealKind ? SEAL_KIND_NAME[s.sealKind] : '未知印章';
      print(
        `${ok ? '✔' : '✘'} 第 ${i + 1} 枚 ${kind}：${s.signerName || '（名称不可读）'}，签章时间 ${s.signingTime?.toISOString() ?? '—'}，${ok ? '签名有效' : '签名无效'}`,
      );
      print(
        s.trustedTime
          ? `  可信时间：${formatDateTimeSeconds(new Date(s.trustedTime))}（时间戳服务 ${s.timestamp?.authority ?? ''}）`
          : `  无可信时间戳${s.timestamp ? '（所附时间戳无效）' : ''}`,
      );
    });
    if (found.registered) {
      const r = found.registered;
      print(`登记文书：${r.number}「${r.title}」（${r.community_name}，${new Date(r.finalised_at).toISOString()} 定稿）`);
    }
    print(`结论：${found.verdict.headline}`);
    print(found.verdict.detail);
    if (!db) print('（离线核验：只检查了印章签名，未查询平台登记。）');
    return found.verdict.ok ? 0 : 1;
  } finally {
    await client?.end();
  }
}
if (require.main === module) {
  main(process.argv.slice(2), process.env.DATABASE_URL).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(errorText(error));
      process.exit(2);
    },
  );
}
