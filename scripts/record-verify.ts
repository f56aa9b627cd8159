/**
 * npm run record:verify -- <communityId | --all>
 * Verifies the decision record's hash chain straight from the database and
 * prints the first broken entry. Exit code 0 when intact, 1 when broken.
 */
import { ChainVerifier, StoredEntry } from '@gongyi/domain/record/hash-chain';
import { Client } from 'pg';
import { loadConfig } from '../apps/api/src/config/app-config';

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

export async function main(argv: string[], databaseUrl: string): Promise<number> {
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
    for (const community of communities) {
      const verdict = await verifyCommunity(client, community.id);
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
    (error: Error) => {
      console.error(error.message);
      process.exit(2);
    },
  );
}
