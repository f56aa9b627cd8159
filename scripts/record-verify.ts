/**
 * npm run record:verify -- <communityId | --all> [--checkpoint <checkpoints.json | sealed.pdf>]... [--root-cert <ca.pem>]
 * Verifies the decision record's hash chain straight from the database and
 * prints the first broken entry; checks every ballot against its commitment;
 * and, given checkpoint files or sealed PDFs someone kept, checks each head's
 * signature with the deployment root key (a checkpoint's own signature; a PDF's
 * seals) and says whether today's chain still holds it. A forged or altered
 * checkpoint is reported as such. The root certificate is the deployment's
 * (from the database) unless --root-cert names one kept elsewhere (/api/ca.pem).
 * Exit code 0 when intact, 1 when broken or forged.
 */
import { ChainVerifier, StoredEntry } from '@gongyi/domain/record/hash-chain';
import { checkpointSignatureValid, keptHeadsFromFile, keptHeadVerdict, type KeptHead } from '@gongyi/domain/record/checkpoint';
import { verifyPdf } from '@gongyi/pdf';
import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { loadConfig } from '../apps/api/src/config/app-config';
import { checkCommunityBallots } from '../apps/api/src/voting/ballot-integrity';
import { errorText } from './error-text';

const BATCH = 2000;

async function verifyCommunity(client: Client, communityId: string) {
  const verifier = new ChainVerifier();
  let after = '0';
  for (;;) {
    const { rows } = await client.query(
      `SELECT id, community_id, seq, occurred_at, actor_id, action, subject_type, subject_id, payload, payload_digest, prev_hash, hash
       FROM record_entries WHERE community_id = $1 AND seq > $2 ORDER BY seq LIMIT ${BATCH}`,
      [communityId, after],
    );
    if (rows.length === 0) break;
    const entries: StoredEntry[] = rows.map((r) => ({
      id: r.id,
      communityId: r.community_id,
      seq: BigInt(r.seq),
      occurredAt: r.occurred_at,
      actorId: r.actor_id,
      action: r.action,
      subjectType: r.subject_type,
      subjectId: r.subject_id,
      payload: r.payload,
      payloadDigest: r.payload_digest,
      prevHash: r.prev_hash,
      hash: r.hash,
    }));
    if (!verifier.feed(entries) || rows.length < BATCH) break;
    after = rows[rows.length - 1].seq;
  }
  const head = await client.query<{ seq: string; hash: string }>('SELECT seq, hash FROM record_heads WHERE community_id = $1', [
    communityId,
  ]);
  verifier.checkHead(head.rows[0] && { seq: BigInt(head.rows[0].seq), hash: head.rows[0].hash });
  return verifier.verdict();
}

const ENGLISH = {
  intact: 'signature valid, still in the chain',
  intact_unsigned: 'unsigned head, still in the chain',
  forged: 'signature invalid (forged or altered checkpoint)',
  rewritten: "not in today's chain (history rewritten)",
  missing: "no such entry in today's chain (history cut)",
} as const;

/** The deployment's seal root certificate, whose key signs the checkpoints. */
async function deploymentRoot(client: Client): Promise<string> {
  const { rows } = await client.query<{ cert_pem: string }>(`SELECT cert_pem FROM seal_root_cas WHERE name = 'seal-root'`);
  if (!rows[0]) throw new Error('未找到本部署的印章根证书 deployment root certificate not found (use --root-cert)');
  return rows[0].cert_pem;
}

export async function main(args: string[], databaseUrl: string): Promise<number> {
  const argv: string[] = [];
  const files: Buffer[] = [];
  let rootCertFile: string | undefined;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--checkpoint') files.push(readFileSync(args[++i]));
    else if (args[i] === '--root-cert') rootCertFile = args[++i];
    else argv.push(args[i]);
  }
  const target = argv[0];
  if (!target) {
    console.error('用法 usage: npm run record:verify -- <communityId | --all>');
    return 2;
  }
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const communities =
      target === '--all'
        ? (await client.query<{ id: string; name: string }>('SELECT id, name FROM communities ORDER BY name')).rows
        : (await client.query<{ id: string; name: string }>('SELECT id, name FROM communities WHERE id::text = $1', [target])).rows;
    if (communities.length === 0) {
      console.error(`小区不存在 community not found: ${target}`);
      return 2;
    }
    let broken = 0;
    const query = async <T>(sql: string, params: unknown[]) => (await client.query(sql, params)).rows as T[];
    for (const community of communities) {
      const verdict = await verifyCommunity(client, community.id);
      const ballotIssues = await checkCommunityBallots(query, community.id);
      for (const issue of ballotIssues) {
        console.log(
          `✘ ${community.name} (${community.id}): 表决 ${issue.voteId} 议案 ${issue.motionSeq ?? '?'} 房屋 ${issue.unitNumbers.join('、') || '?'} 的选票与决策记录不符 ballot ${issue.reason}`,
        );
      }
      if (ballotIssues.length) broken++;
      if (verdict.ok) {
        console.log(`✔ ${community.name} (${community.id}): ${verdict.checked} 条记录完整 entries intact`);
      } else {
        broken++;
        const b = verdict.firstBroken!;
        console.log(
          `✘ ${community.name} (${community.id}): 第 ${b.seq} 条记录被篡改 first broken entry seq ${b.seq} id ${b.id}: ${b.reason}`,
        );
      }
    }
    const ids = new Set(communities.map((c) => c.id));
    const rootPem = files.length ? (rootCertFile ? readFileSync(rootCertFile, 'utf8') : await deploymentRoot(client)) : '';
    const kept: (KeptHead & { vouched: boolean })[] = files.flatMap((bytes) => {
      const heads = keptHeadsFromFile(bytes);
      // A PDF's heads are as good as its seals (they cover the metadata that carries the head).
      const sealed = heads[0]?.source === 'pdf' && verifyPdf(bytes, rootPem).valid;
      return heads.map((h) => ({
        ...h,
        vouched: h.source === 'pdf' ? sealed : checkpointSignatureValid({ ...h, signedAt: h.signedAt ?? '' }, rootPem),
      }));
    });
    for (const head of kept.filter((h) => ids.has(h.communityId))) {
      const { rows } = await client.query<{ hash: string }>('SELECT hash FROM record_entries WHERE community_id = $1 AND seq = $2', [
        head.communityId,
        head.seq,
      ]);
      const signature = head.vouched ? 'valid' : head.source === 'checkpoint' && !head.signature && !head.signedAt ? 'absent' : 'invalid';
      const contained = rows[0]?.hash === head.hash;
      const verdict = keptHeadVerdict({
        ...head,
        signature,
        contained,
        reason: contained ? undefined : rows[0] ? 'hash_differs' : 'no_such_entry',
      });
      if (!verdict.ok) broken++;
      console.log(`${verdict.ok ? '✔' : '✘'} ${verdict.message} checkpoint seq ${head.seq}: ${ENGLISH[verdict.code]}`);
    }
    return broken ? 1 : 0;
  } finally {
    await client.end();
  }
}

if (require.main === module) {
  const config = loadConfig();
  const url = process.env.DATABASE_URL ?? config.databaseUrl;
  if (!url) {
    console.error('请设置 DATABASE_URL，或通过 npm run record:verify 运行（会启动内置数据库） set DATABASE_URL');
    process.exit(2);
  }
  main(process.argv.slice(2), url).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(errorText(error));
      process.exit(2);
    },
  );
}
