import { readlinkSync } from 'node:fs';
import { constants, setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { fileDigest, verifyPdf, type VerifyResult } from '@gongyi/pdf';
import { byteFacts } from './verify-facts';
import { prescanPdf } from './verify-limits';

/**
 * Runs in a worker thread (verify-worker-pool.ts): checking a hostile PDF's signatures must never hold the
 * event loop that answers everyone else. The pre-scan runs here too (on 20 MB it is not free), and the bytes
 * travel back with the answer (transferred both ways, never copied). One job at a time; the pool kills the
 * thread when a job overruns.
 *
 * On Linux a thread has a nice value of its own and setPriority(0, …) sets the calling thread's: this thread
 * runs at the lowest priority, so on a small machine (2 cores shared with PostgreSQL) the main thread answering
 * /api/health and the database it waits on get the CPU first. Only the checking is slowed, never the others.
 */
export interface VerifyJob {
  id: number;
  bytes: Uint8Array;
  rootPem: string;
}

try {
  // PRIORITY_LOW is nice 19.
  if (parentPort) setPriority(0, constants.priority.PRIORITY_LOW);
} catch {
  // Not permitted (some containers): the check still runs, at normal priority.
}

parentPort?.on('message', ({ id, bytes, rootPem }: VerifyJob) => {
  const pdf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let answer: Record<string, unknown>;
  try {
    prescanPdf(pdf);
    let result: VerifyResult;
    try {
      result = verifyPdf(pdf, rootPem);
    } catch {
      result = { signatures: [], valid: false };
    }
    // The whole-file scans verifyUpload needs too (document number, record heads, appended revision).
    answer = { id, result, sha256: fileDigest(pdf), facts: byteFacts(pdf, result) };
  } catch (refusal) {
    const { code, message } = refusal as { code?: string; message?: string };
    answer = { id, refused: { code: code ?? 'not_pdf', message: message ?? '无法验证该文件' } };
  }
  parentPort!.postMessage({ ...answer, bytes }, [bytes.buffer as ArrayBuffer]);
});
/** This thread's Linux id (/proc/thread-self → <pid>/task/<tid>), so the pool can read its CPU time. */
function threadId(): number | undefined {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    return Number.isInteger(tid) ? tid : undefined;
  } catch {
    return undefined;
  }
}

parentPort?.postMessage({ ready: true, tid: threadId() });
