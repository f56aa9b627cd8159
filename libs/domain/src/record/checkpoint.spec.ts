import { createSign, generateKeyPairSync } from 'node:crypto';
import { checkpointSignatureValid, checkpointText, keptHeadsFromFile, keptHeadVerdict, type SignedCheckpoint } from './checkpoint';

const pair = () => {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), privateKey };
};
const root = pair();
const other = pair();
const sign = (c: Omit<SignedCheckpoint, 'signature'>, key = root.privateKey): SignedCheckpoint => ({
  ...c,
  signature: createSign('sha256').update(checkpointText(c)).sign(key, 'base64'),
});
const head = { communityId: '0190c1a2-3b4c-7d5e-8f90-123456789abc', seq: '42', hash: 'a'.repeat(64), signedAt: '2026-11-30T08:00:00.000Z' };

describe('kept checkpoints', () => {
  it('accepts the root key signature and refuses an altered head, time or another key', () => {
    const signed = sign(head);
    expect(checkpointSignatureValid(signed, root.publicPem)).toBe(true);
    expect(checkpointSignatureValid({ ...signed, hash: 'b'.repeat(64) }, root.publicPem)).toBe(false);
    expect(checkpointSignatureValid({ ...signed, seq: '43' }, root.publicPem)).toBe(false);
    expect(checkpointSignatureValid({ ...signed, signedAt: '2026-12-01T08:00:00.000Z' }, root.publicPem)).toBe(false);
    expect(checkpointSignatureValid(sign(head, other.privateKey), root.publicPem)).toBe(false);
    expect(checkpointSignatureValid({ ...signed, signature: 'not base64 at all' }, root.publicPem)).toBe(false);
    expect(checkpointSignatureValid({ ...head }, root.publicPem)).toBe(false);
    expect(checkpointSignatureValid(signed, 'not a pem')).toBe(false);
  });

  it('reads heads with their signatures from a checkpoint file', () => {
    const signed = sign(head);
    const file = Buffer.from(JSON.stringify({ format: 'gongyi-record-checkpoints/1', checkpoints: [signed, { ...head, seq: '7' }] }));
    expect(keptHeadsFromFile(file)).toEqual([
      { ...signed, source: 'checkpoint' },
      { ...head, seq: '7', source: 'checkpoint' },
    ]);
    const pdf = Buffer.from(`%PDF-1.7\n/Keywords (gongyi-record-head:${head.communityId}:42:${head.hash})`, 'latin1');
    expect(keptHeadsFromFile(pdf)).toEqual([{ communityId: head.communityId, seq: '42', hash: head.hash, source: 'pdf' }]);
  });

  it('says forged before anything else, then missing, rewritten, intact', () => {
    const base = { communityId: head.communityId, seq: '42', hash: head.hash };
    const forged = keptHeadVerdict({ ...base, contained: true, signature: 'invalid', source: 'checkpoint' });
    expect(forged).toMatchObject({ code: 'forged', ok: false });
    expect(forged.message).toContain('签名无效');
    const fromPdf = keptHeadVerdict({ ...base, contained: true, signature: 'invalid', source: 'pdf' }).message;
    expect(fromPdf).toContain('不是完好的盖章文件');
    // Never "签名无效" for a file: its seal cards may rightly say each signature is intact over what it signed.
    expect(fromPdf).not.toContain('签名无效');
    expect(keptHeadVerdict({ ...base, contained: false, reason: 'no_such_entry', signature: 'valid' }).code).toBe('missing');
    const rewritten = keptHeadVerdict({ ...base, contained: false, reason: 'hash_differs', signature: 'valid' });
    expect(rewritten).toMatchObject({ code: 'rewritten', ok: false });
    expect(rewritten.message).toContain('历史已被改写');
    expect(keptHeadVerdict({ ...base, contained: true, signature: 'valid' })).toMatchObject({ code: 'intact', ok: true });
    expect(keptHeadVerdict({ ...base, contained: true, signature: 'absent' })).toMatchObject({ code: 'intact_unsigned', ok: true });
  });
});
