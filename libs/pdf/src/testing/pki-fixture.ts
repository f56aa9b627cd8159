import { createRootCa, issueSealCertificate, KeyAndCertificate } from '../pki';

export interface SealFixture {
  root: KeyAndCertificate;
  committee: KeyAndCertificate;
  assembly: KeyAndCertificate;
  /** A seal issued by a different root (not trusted by `root`). */
  foreignRoot: KeyAndCertificate;
  foreign: KeyAndCertificate;
}

let cached: SealFixture | undefined;

/** One CA and its seals per test file (key generation is the slow part). */
export function sealFixture(): SealFixture {
  if (!cached) {
    const now = new Date('2026-01-01T00:00:00Z');
    const root = createRootCa({ organisation: '某某街道办事处', now });
    const foreignRoot = createRootCa({ commonName: 'Other Root CA', now });
    const seal = (ca: KeyAndCertificate, kind: 'assembly' | 'committee') =>
      issueSealCertificate(ca, { kind, communityName: '幸福里小区', communityCode: 'xfl-001', term: 3, now });
    cached = {
      root,
      committee: seal(root, 'committee'),
      assembly: seal(root, 'assembly'),
      foreignRoot,
      foreign: seal(foreignRoot, 'committee'),
    };
  }
  return cached;
}
