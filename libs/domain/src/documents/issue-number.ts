import { sealPolicy, type DocumentKind } from './seal-policy';

/**
 * 发文字号 (GB/T 9704): 机关代字〔年份〕序号, e.g. 太业委〔2026〕1号 for the first document the committee of
 * 太平洋花园 issues in 2026; 太业大〔2026〕1号 for the assembly's. Meeting records are not issued documents and
 * have none. The sequence runs per issuer, community and year.
 */
export type Issuer = 'assembly' | 'committee';

export function issuerOf(kind: DocumentKind): Issuer | null {
  const policy = sealPolicy(kind);
  if (policy.attendeeConfirmations) return null;
  return policy.seals.includes('assembly') ? 'assembly' : 'committee';
}

/** 机关代字: the community's first character and the issuing body, e.g. 太业委. */
export function issuePrefix(communityName: string, issuer: Issuer): string {
  const first = [...communityName.trim()][0] ?? '';
  return `${first}${issuer === 'assembly' ? '业大' : '业委'}`;
}

export function issueNumber(communityName: string, issuer: Issuer, year: number, seq: number): string {
  if (!Number.isInteger(seq) || seq < 1) throw new RangeError('seq must be a positive integer');
  return `${issuePrefix(communityName, issuer)}〔${year}〕${seq}号`;
}
