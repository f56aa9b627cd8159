import type { VerifyResult } from './verify';
import { formatDateTimeSeconds } from './dates';
import { SEAL_KIND_NAME } from './seal-impression';
import type { SealKind } from './types';

/** One verdict per uploaded file; the verification page shows exactly this one. */
export type VerdictCode =
  | 'genuine'
  | 'changed_after_sealing'
  | 'seal_missing'
  | 'signature_corrupted'
  | 'foreign_certificate'
  | 'sealed_after_retirement'
  | 'revoked_without_timestamp'
  | 'unsealed_copy'
  | 'draft'
  | 'not_ours'
  | 'signed_not_registered';

/** What was appended after the last seal, read from the incremental update itself. */
export type AppendedChange = 'pages_added' | 'content_changed' | 'metadata_only';

export interface Verdict {
  code: VerdictCode;
  /** true only for `genuine`. */
  ok: boolean;
  /** One sentence, Chinese: the verdict. */
  headline: string;
  /** What exactly, Chinese. */
  detail: string;
  /** For changes and missing seals: which revision (第 n 次盖章 / 共 m 次). */
  revision?: { n: number; of: number };
  change?: AppendedChange;
}

/** What the server knows about the bytes (registry look-ups), alongside the signature check. */
export interface VerdictFacts {
  result: VerifyResult;
  /** The bytes are exactly the registered final file. */
  registeredFinal: boolean;
  /** The document these bytes claim to be (by number), when it is registered here. */
  claimed?: { number: string; title: string; status: 'draft' | 'final'; requiredSeals: SealKind[] };
  /** The bytes are exactly an intermediate signed revision stored for that document (1-based), with its seals. */
  storedRevision?: { n: number; seals: SealKind[] };
  /** Set when the last signature does not cover the file: the appended update, classified. */
  appended?: AppendedChange;
}

const CHANGE_TEXT: Record<AppendedChange, string> = {
  pages_added: '增加了页面',
  content_changed: '改动了页面内容',
  metadata_only: '只改动了文档属性（元数据），页面内容未变',
};

const sealNames = (kinds: SealKind[]) => kinds.map((k) => SEAL_KIND_NAME[k]).join('、');

/** The single verdict for a file. Order matters: the first thing wrong is what the reader must be told. */
export function verdictFor(f: VerdictFacts): Verdict {
  const sigs = f.result.signatures;
  const doc = f.claimed;
  const named = doc ? `文书 ${doc.number}「${doc.title}」` : '';
  if (sigs.length === 0) {
    // A record that carries no seal by policy (minutes confirmed by their attendees): the registered file itself.
    if (f.registeredFinal && doc?.status === 'final' && doc.requiredSeals.length === 0)
      return {
        code: 'genuine',
        ok: true,
        headline: '已登记的定稿：经全体出席人员确认，此类纪要无需盖章',
        detail: `${named}与本平台登记的定稿完全一致。会议自己的纪要不加盖印章，由全体出席人员确认（确认人和时间见签字栏）。`,
      };
    if (doc?.status === 'draft')
      return {
        code: 'draft',
        ok: false,
        headline: '这是尚未盖章的草稿，不是正式文书',
        detail: `${named}尚未盖章定稿。草稿没有印章签名，不能作为公告或证据使用。`,
      };
    if (doc)
      return {
        code: 'unsealed_copy',
        ok: false,
        headline: '这是未盖章的副本，不是登记的盖章定稿',
        detail: `文件自称${named}，但没有任何印章签名（可能是重新生成或另行打印的副本）。请按编号下载登记的定稿比对。`,
      };
    return {
      code: 'not_ours',
      ok: false,
      headline: '这不是本平台盖章的文书',
      detail: '文件中没有任何印章签名，也没有本平台登记的文书编号。',
    };
  }
  const broken = sigs.findIndex((s) => !s.readable || !s.signatureVerifies || s.timestamp?.valid === false);
  if (broken >= 0 && sigs[broken].readable && sigs[broken].signatureVerifies)
    return {
      code: 'signature_corrupted',
      ok: false,
      headline: '印章签名的可信时间戳已损坏或不可信，无法验证',
      detail: `第 ${broken + 1} 个印章签名（${sigs[broken].signerName || '名称不可读'}）所附的时间戳已损坏、不是针对该签名，或不是本平台时间戳服务签发的，盖章时间无法证明。`,
      revision: { n: broken + 1, of: sigs.length },
    };
  if (broken >= 0)
    return {
      code: 'signature_corrupted',
      ok: false,
      headline: '印章签名已损坏，无法验证',
      detail: `第 ${broken + 1} 个印章签名（${sigs[broken].signerName || '名称不可读'}）的签名数据已损坏或被改动，无法证明盖章的真实性。`,
      revision: { n: broken + 1, of: sigs.length },
    };
  const changed = sigs.findIndex((s) => !s.digestMatches);
  if (changed >= 0)
    return {
      code: 'changed_after_sealing',
      ok: false,
      headline: '文件在盖章后被改动过',
      detail: `第 ${changed + 1} 次盖章（${sigs[changed].signerName}）所覆盖的内容已被改动：与盖章时的文件不一致。${named ? `请按编号下载${named}的登记定稿比对。` : ''}`,
      revision: { n: changed + 1, of: sigs.length },
      change: 'content_changed',
    };
  const foreign = sigs.findIndex((s) => !s.chainTrusted);
  if (foreign >= 0)
    return {
      code: 'foreign_certificate',
      ok: false,
      headline: '印章证书不是本平台签发的',
      detail: `第 ${foreign + 1} 个签名（${sigs[foreign].signerName || '未知签名人'}）使用的证书不属于本平台根证书，不能证明是本小区的印章。`,
      revision: { n: foreign + 1, of: sigs.length },
    };
  const retired = sigs.findIndex((s) => !!s.revocation);
  if (retired >= 0) {
    const s = sigs[retired];
    const revokedAt = s.revokedAt ? formatDateTimeSeconds(s.revokedAt) : '';
    if (s.revocation === 'sealed_after_retirement')
      return {
        code: 'sealed_after_retirement',
        ok: false,
        headline: '盖章时印章已停用：这枚印章签名无效',
        detail: `第 ${retired + 1} 个印章签名（${s.signerName}）的可信时间为 ${formatDateTimeSeconds(s.trustedTime!)}，晚于该印章的停用时间 ${revokedAt}（证书已列入本平台吊销列表）。停用后的印章不能再用于盖章。`,
        revision: { n: retired + 1, of: sigs.length },
      };
    return {
      code: 'revoked_without_timestamp',
      ok: false,
      headline: '印章已停用，且没有可信时间证明盖章在停用之前',
      detail: `第 ${retired + 1} 个印章签名（${s.signerName}）所用印章已于 ${revokedAt} 停用（证书已吊销），签名未附可信时间戳，无法证明是在停用之前盖章的。`,
      revision: { n: retired + 1, of: sigs.length },
    };
  }
  const last = sigs[sigs.length - 1];
  if (!last.coversWholeFile) {
    const change = f.appended ?? 'content_changed';
    return {
      code: 'changed_after_sealing',
      ok: false,
      headline: '文件在盖章后被改动过',
      detail: `第 ${sigs.length} 次盖章之后，文件又被追加了一次修订：${CHANGE_TEXT[change]}。盖章时的版本本身有效，但这份文件不是盖章时的样子。${named ? `请按编号下载${named}的登记定稿。` : ''}`,
      revision: { n: sigs.length + 1, of: sigs.length },
      change,
    };
  }
  if (f.registeredFinal)
    return {
      code: 'genuine',
      ok: true,
      headline: '真实有效：与登记的盖章定稿完全一致',
      detail: `${named}的全部 ${sigs.length} 枚印章签名有效，文件与登记的定稿逐字节一致。`,
    };
  if (doc && doc.requiredSeals.length > sigs.length) {
    const present = f.storedRevision?.seals ?? sigs.map((s) => s.sealKind).filter((k): k is SealKind => !!k);
    const missing = doc.requiredSeals.filter((k) => !present.includes(k));
    return {
      code: 'seal_missing',
      ok: false,
      headline: `缺少印章：这是第 ${sigs.length} 版（共 ${doc.requiredSeals.length} 版），没有${sealNames(missing)}`,
      detail: `${named}须加盖${sealNames(doc.requiredSeals)}；这份文件只有${sealNames(present) || '部分印章'}，${doc.status === 'final' ? '不是登记的定稿' : '用章尚未完成'}。`,
      revision: { n: sigs.length, of: doc.requiredSeals.length },
    };
  }
  return {
    code: 'signed_not_registered',
    ok: false,
    headline: '印章签名有效，但这份文件不是登记的定稿',
    detail: `${named || '文件'}的印章签名有效，但文件与本平台登记的定稿不一致。请按编号下载登记的定稿比对。`,
  };
}

/**
 * Reads the incremental update after the last signature (`from` = bytes the last signature covers): a new page
 * object means pages were added; only an info dictionary or XMP metadata means metadata only; anything else is a
 * content change.
 */
export function classifyAppended(pdf: Buffer, from: number): AppendedChange {
  const tail = pdf.subarray(from).toString('latin1');
  const bodies = [...tail.matchAll(/\d+\s+\d+\s+obj([\s\S]*?)endobj/g)].map((m) => m[1]);
  if (bodies.some((b) => /\/Type\s*\/Page(?![a-zA-Z])/.test(b))) return 'pages_added';
  const metadataOnly = bodies.every((b) => {
    if (/\/Type\s*\/Metadata/.test(b)) return true;
    if (/stream/.test(b)) return false;
    return !/\/(Type|Contents|Kids|Annots|Resources|MediaBox|Font|XObject|AcroForm|Fields)\b/.test(b);
  });
  return metadataOnly ? 'metadata_only' : 'content_changed';
}

/** The document number a file names (signature reason, or the PDF info Keywords set by the writer). */
export function claimedNumber(pdf: Buffer, result: VerifyResult): string | undefined {
  const pattern = /GY-[0-9A-F]{8}-\d{4}-\d{6}/;
  for (const s of result.signatures) {
    const match = s.reason?.match(pattern);
    if (match) return match[0];
  }
  return pdf.toString('latin1').match(pattern)?.[0];
}
