import { canonicalJson } from './canonical-json';
import { createPublicKey, createVerify } from 'node:crypto';

/** A community record's head as published: what the root key signs, and what outsiders keep. */
export interface RecordHead {
  communityId: string;
  seq: string;
  hash: string;
}

export interface SignedCheckpoint extends RecordHead {
  signedAt: string;
  /** base64 RSA-SHA256 signature by the deployment root key over checkpointText(). */
  signature: string;
}

export const CHECKPOINT_FILE_FORMAT = 'gongyi-record-checkpoints/1';

/** The exact bytes signed. */
export function checkpointText(c: Omit<SignedCheckpoint, 'signature'>): string {
  return canonicalJson({
    format: 'gongyi-record-checkpoint/1',
    communityId: c.communityId,
    seq: c.seq,
    hash: c.hash,
    signedAt: c.signedAt,
  });
}

/** The footer line printed on sealed documents. */
export function checkpointLine(head: Pick<RecordHead, 'seq' | 'hash'>): string {
  return `决策记录第 ${head.seq} 条，哈希 ${head.hash}`;
}

/** The PDF metadata value (ASCII, so it stays readable in the file's Info dictionary). */
export function checkpointMetadata(head: RecordHead): string {
  return `gongyi-record-head:${head.communityId}:${head.seq}:${head.hash}`;
}

const METADATA = /gongyi-record-head:([0-9a-f-]{36}):(\d+):([0-9a-f]{64})/g;

/** Every record head a PDF's bytes carry in their metadata (incremental updates keep the first). */
export function recordHeadsInPdf(bytes: Buffer): RecordHead[] {
  const text = bytes.toString('latin1');
  const found = new Map<string, RecordHead>();
  for (const m of text.matchAll(METADATA)) found.set(m[0], { communityId: m[1], seq: m[2], hash: m[3] });
  return [...found.values()];
}

/** Heads from a downloaded checkpoint file (JSON) or a sealed PDF. */
export function recordHeadsFromFile(bytes: Buffer): RecordHead[] {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return recordHeadsInPdf(bytes);
  const parsed = JSON.parse(bytes.toString('utf8')) as { format?: string; checkpoints?: RecordHead[] } | RecordHead;
  const list = 'checkpoints' in parsed && Array.isArray(parsed.checkpoints) ? parsed.checkpoints : [parsed as RecordHead];
  return list.map((c) => ({ communityId: String(c.communityId), seq: String(c.seq), hash: String(c.hash) }));
}

/** A head someone kept: from a checkpoint file (with the root key's signature, when the file has one) or a sealed PDF. */
export interface KeptHead extends RecordHead {
  source: 'checkpoint' | 'pdf';
  signedAt?: string;
  signature?: string;
}

/**
 * Every head in a kept file, signatures included. A PDF's heads carry no signature of their own: the seals
 * over the whole file vouch for them (the caller checks those).
 */
export function keptHeadsFromFile(bytes: Buffer): KeptHead[] {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return recordHeadsInPdf(bytes).map((h) => ({ ...h, source: 'pdf' }));
  const parsed = JSON.parse(bytes.toString('utf8')) as { checkpoints?: Partial<SignedCheckpoint>[] } | Partial<SignedCheckpoint>;
  const list = 'checkpoints' in parsed && Array.isArray(parsed.checkpoints) ? parsed.checkpoints : [parsed as Partial<SignedCheckpoint>];
  return list.map((c) => ({
    communityId: String(c.communityId),
    seq: String(c.seq),
    hash: String(c.hash),
    source: 'checkpoint',
    ...(typeof c.signedAt === 'string' ? { signedAt: c.signedAt } : {}),
    ...(typeof c.signature === 'string' ? { signature: c.signature } : {}),
  }));
}

/** Whether `c` carries the deployment root key's signature (`rootPem`: the root certificate or its public key). Never throws. */
export function checkpointSignatureValid(c: Omit<SignedCheckpoint, 'signature'> & { signature?: string }, rootPem: string): boolean {
  if (!c.signature || !c.signedAt) return false;
  try {
    const key = createPublicKey(rootPem);
    return createVerify('sha256').update(checkpointText(c)).verify(key, c.signature, 'base64');
  } catch {
    return false;
  }
}

/** valid: the root key signed it (or, for a PDF, its seals are valid); invalid: forged or altered; absent: a bare head. */
export type HeadSignature = 'valid' | 'invalid' | 'absent';

export interface KeptHeadCheck extends RecordHead {
  source?: 'checkpoint' | 'pdf';
  /** Today's chain has an entry at seq with exactly this hash. */
  contained: boolean;
  reason?: 'no_such_entry' | 'hash_differs';
  signature: HeadSignature;
}

export type KeptHeadVerdict = 'intact' | 'intact_unsigned' | 'forged' | 'rewritten' | 'missing';

/**
 * The one verdict on a kept head, in Chinese, for the CLI, the API and the web page. A forged or altered
 * checkpoint says so first: it proves nothing about the chain either way.
 */
export function keptHeadVerdict(c: KeptHeadCheck): { code: KeptHeadVerdict; ok: boolean; message: string } {
  const at = `第 ${c.seq} 条（哈希 ${c.hash.slice(0, 16)}…）`;
  if (c.signature === 'invalid')
    return {
      code: 'forged',
      ok: false,
      message:
        c.source === 'pdf'
          ? // Not "签名无效": a file changed after sealing keeps each signature intact over what it signed, and the
            // seal cards beside this say so. What is untrusted is the file as a whole, so the head it carries.
            `检查点${at}不能作为依据：这份文件不是完好的盖章文件（盖章后被改动，或缺印章、印章不可信），文件中的记录头可能被改动过；请用登记的盖章定稿核对历史`
          : `检查点${at}签名无效：不是本平台根密钥签发的，或其中的序号、哈希、时间被改动过（伪造或篡改的检查点），不能据此核对历史`,
    };
  if (!c.contained && c.reason === 'no_such_entry')
    return { code: 'missing', ok: false, message: `检查点${at}不在今天的决策记录中：今天的记录没有这一条，历史已被删改` };
  if (!c.contained) return { code: 'rewritten', ok: false, message: `检查点${at}不在今天的决策记录中：该条或其之前的历史已被改写` };
  if (c.signature === 'absent')
    return {
      code: 'intact_unsigned',
      ok: true,
      message: `记录头${at}仍在今天的决策记录中（未附根密钥签名，只核对了序号与哈希；请用下载的检查点文件核对签名）`,
    };
  return { code: 'intact', ok: true, message: `检查点${at}签名有效，仍在今天的决策记录中，此前的历史未被改写` };
}
