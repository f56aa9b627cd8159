import { recordHeadsInPdf, type RecordHead } from '@gongyi/domain/record/checkpoint';
import type { VerifyResult } from '@gongyi/pdf';
import { claimedNumber, classifyAppended, type AppendedChange } from '@gongyi/pdf/verdict';

/**
 * What verifyUpload reads from the raw bytes besides the signatures: each is a pass over the whole file (a
 * latin1 copy and a regex scan of up to 10 MB), so the verify worker computes them off the event loop.
 */
export interface ByteFacts {
  claimedNumber?: string;
  recordHeads: RecordHead[];
  appended?: AppendedChange;
}

export function byteFacts(bytes: Buffer, result: VerifyResult): ByteFacts {
  const last = result.signatures[result.signatures.length - 1];
  return {
    claimedNumber: claimedNumber(bytes, result),
    recordHeads: recordHeadsInPdf(bytes),
    appended: last && !last.coversWholeFile ? classifyAppended(bytes, last.signedLength) : undefined,
  };
}
