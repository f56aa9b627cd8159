import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { children, decodeOid, expectTag, raw, readTlv, value } from '@gongyi/pdf/der';
import { pdfsig, pdfsigDump } from '@gongyi/pdf/testing/poppler';

/** id-aa-signatureTimeStampToken (RFC 3161 appendix A / RFC 5126): an unsigned attribute of the SignerInfo. */
const TIMESTAMP_TOKEN_OID = '1.2.840.113549.1.9.16.2.14';

/** The signature value of the (only) SignerInfo of a CMS ContentInfo, and its RFC 3161 token if it carries one. */
export function signerTimestamp(cms: Buffer): { signatureValue: Buffer; token: Buffer | null } {
  const contentInfo = readTlv(cms, 0);
  const [, explicit] = children(cms, contentInfo);
  const signedData = children(cms, expectTag(explicit, 0xa0, 'SignedData [0]'))[0];
  const signerInfos = children(cms, signedData)
    .filter((c) => c.tag === 0x31)
    .pop();
  const signerInfo = children(cms, expectTag(signerInfos, 0x31, 'signerInfos'))[0];
  const fields = children(cms, signerInfo);
  const signature = expectTag(
    fields.find((f, i) => f.tag === 0x04 && i >= 4),
    0x04,
    'signature OCTET STRING',
  );
  const unsigned = fields.find((f) => f.tag === 0xa1);
  let token: Buffer | null = null;
  for (const attribute of unsigned ? children(cms, unsigned) : []) {
    const [type, values] = children(cms, attribute);
    if (decodeOid(value(cms, type)) === TIMESTAMP_TOKEN_OID) token = Buffer.from(raw(cms, children(cms, values)[0]));
  }
  return { signatureValue: Buffer.from(value(cms, signature)), token };
}

export interface SignatureTimeCheck {
  /** pdfsig's own line for the signature (it has no timestamp line; see README "What pdfsig shows"). */
  pdfsigValid: boolean;
  /** `openssl ts -verify -token_in` of the embedded token over SHA-256 of the signature value, against the root CA. */
  opensslVerified: boolean;
  /** The token's genTime as openssl prints it (`Time stamp: …`). */
  genTime: string | null;
  opensslOutput: string;
}

/**
 * Every signature of `pdf`: pdfsig's verdict, and its timestamp token verified independently by openssl against
 * `rootPem` (`/api/ca.pem`), with `tsaPem` offered as an untrusted intermediate in case the token omits it.
 */
export function checkSignatureTimestamps(pdf: Buffer, rootPem: string, tsaPem: string): SignatureTimeCheck[] {
  const report = pdfsig(pdf).stdout;
  const valid = [...report.matchAll(/Signature #\d+:[\s\S]*?Signature Validation: ([^\n]*)/g)].map((m) =>
    m[1].startsWith('Signature is Valid'),
  );
  return pdfsigDump(pdf).map((cms, i) => {
    const { signatureValue, token } = signerTimestamp(cms);
    if (!token) return { pdfsigValid: valid[i] ?? false, opensslVerified: false, genTime: null, opensslOutput: 'no timestamp token' };
    const dir = mkdtempSync(join(tmpdir(), 'gongyi-ts-'));
    try {
      writeFileSync(join(dir, 'token.der'), token);
      writeFileSync(join(dir, 'root.pem'), rootPem);
      writeFileSync(join(dir, 'tsa.pem'), tsaPem);
      const sh = (args: string[]) => {
        const r = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
        if (r.error) throw new Error(`openssl could not run (${r.error.message})`);
        return `${r.stdout}\n${r.stderr}`;
      };
      const digest = createHash('sha256').update(signatureValue).digest('hex');
      const verified = sh([
        'ts',
        '-verify',
        '-token_in',
        '-in',
        'token.der',
        '-digest',
        digest,
        '-CAfile',
        'root.pem',
        '-untrusted',
        'tsa.pem',
      ]);
      const text = sh(['ts', '-reply', '-token_in', '-in', 'token.der', '-text']);
      return {
        pdfsigValid: valid[i] ?? false,
        opensslVerified: /Verification: OK/.test(verified),
        genTime: /Time stamp: ([^\n]+)/.exec(text)?.[1]?.trim() ?? null,
        opensslOutput: verified,
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
