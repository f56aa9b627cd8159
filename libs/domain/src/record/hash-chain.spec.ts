import { canonicalJson } from './canonical-json';
import { ChainVerifier, entryHash, GENESIS_HASH, payloadDigest, StoredEntry, verifyChain } from './hash-chain';

function buildChain(count: number): StoredEntry[] {
  const entries: StoredEntry[] = [];
  let prevHash = GENESIS_HASH;
  for (let i = 1; i <= count; i++) {
    const payload = { index: i, note: `事项${i}`, amount: BigInt(i) * 100n };
    const fields = {
      communityId: 'c1',
      seq: BigInt(i),
      occurredAt: new Date(Date.UTC(2026, 0, i)),
      actorId: 'u1',
      action: 'test.happened',
      subjectType: 'thing',
      subjectId: `t${i}`,
      payloadDigest: payloadDigest(payload),
      prevHash,
    };
    const hash = entryHash(fields);
    entries.push({ ...fields, id: `e${i}`, payload, hash });
    prevHash = hash;
  }
  return entries;
}

describe('canonicalJson', () => {
  it('sorts keys at every depth and renders bigint as a string', () => {
    expect(canonicalJson({ b: 1, a: { d: 2n, c: [3, undefined] } })).toBe('{"a":{"c":[3,null],"d":"2"},"b":1}');
  });
});

describe('hash chain', () => {
  it('accepts an intact chain', () => {
    expect(verifyChain(buildChain(20))).toEqual({ ok: true, checked: 20 });
  });

  it('finds an altered payload at the entry it was altered in', () => {
    const chain = buildChain(10);
    chain[6] = { ...chain[6], payload: { index: 7, note: '被改过', amount: '700' } };
    expect(verifyChain(chain)).toEqual({ ok: false, checked: 7, firstBroken: { seq: '7', id: 'e7', reason: 'payload_digest_mismatch' } });
  });

  it('finds an altered field whose digest was recomputed', () => {
    const chain = buildChain(5);
    chain[2] = { ...chain[2], action: 'test.other' };
    expect(verifyChain(chain).firstBroken).toEqual({ seq: '3', id: 'e3', reason: 'hash_mismatch' });
  });

  it('finds a removed entry and a re-hashed forgery that breaks the link', () => {
    const chain = buildChain(5);
    expect(verifyChain([...chain.slice(0, 2), ...chain.slice(3)]).firstBroken?.reason).toBe('seq_gap');
    const forged = { ...chain[3], prevHash: GENESIS_HASH };
    forged.hash = entryHash(forged);
    expect(verifyChain([...chain.slice(0, 3), forged, chain[4]]).firstBroken).toEqual({ seq: '4', id: 'e4', reason: 'prev_hash_mismatch' });
  });

  it('finds a record cut short at its end by comparing it with the head', () => {
    const chain = buildChain(6);
    const head = { seq: 6n, hash: chain[5].hash };
    const whole = new ChainVerifier();
    whole.feed(chain);
    whole.checkHead(head);
    expect(whole.verdict()).toEqual({ ok: true, checked: 6 });

    const cut = new ChainVerifier();
    cut.feed(chain.slice(0, 4));
    cut.checkHead(head);
    expect(cut.verdict()).toEqual({ ok: false, checked: 4, firstBroken: { seq: '4', id: 'e4', reason: 'head_mismatch' } });

    const headless = new ChainVerifier();
    headless.feed(chain);
    headless.checkHead(undefined);
    expect(headless.verdict().firstBroken?.reason).toBe('head_mismatch');
    const empty = new ChainVerifier();
    empty.checkHead(undefined);
    expect(empty.verdict()).toEqual({ ok: true, checked: 0 });
  });
});
