import { HttpException, HttpStatus, Injectable, OnModuleDestroy } from '@nestjs/common';
import type { VerifyResult } from '@gongyi/pdf';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Invalid } from '../common/app-error';
import type { ByteFacts } from './verify-facts';

/**
 * Budget of one check: CPU time of the worker thread where Linux shows it (/proc/self/task/<tid>/stat), else
 * wall-clock. The thread runs at the lowest priority (verify-worker.ts), so on a busy machine its wall-clock
 * time says little about the work a file costs; a genuine two-seal document takes a few milliseconds.
 */
export const VERIFY_TIME_BUDGET_MS = 5_000;
/** Wall-clock ceiling of one check however starved the thread is: the queue behind it must move. */
export const VERIFY_WALL_LIMIT_MS = 60_000;
const CPU_POLL_MS = 25;
/** USER_HZ: the unit of utime/stime in /proc stat files (100 on every Linux build in use). */
const TICK_MS = 10;
/** Uploads waiting for the worker beyond this are refused at once (503) instead of piling up in memory. */
export const MAX_QUEUED = 4;

/** The check's result and the uploaded bytes, handed back by the worker. */
export interface Checked {
  result: VerifyResult;
  /** fileDigest of the bytes, computed in the worker too. */
  sha256: string;
  /** The whole-file scans (document number, record heads, appended revision), done in the worker. */
  facts: ByteFacts;
  bytes: Buffer;
}

interface Pending {
  id: number;
  bytes: Uint8Array;
  rootPem: string;
  resolve: (result: Checked) => void;
  reject: (error: unknown) => void;
}

/**
 * One worker thread that checks uploaded PDFs, one at a time, off the event loop. A job that overruns its
 * budget has its thread terminated (the next job gets a fresh one) and is answered with a 400 in Chinese.
 */
@Injectable()
export class VerifyWorkerPool implements OnModuleDestroy {
  private worker?: Worker;
  /** Linux thread id of the worker, for its CPU time. */
  private tid?: number;
  private ready?: Promise<Worker>;
  private readonly queue: Pending[] = [];
  private running?: Pending;
  private nextId = 1;
  private closed = false;

  /**
   * Pre-scans and checks `bytes` in the worker. The bytes are transferred when they have memory of their own
   * (an upload has): the caller must not share that memory and must use the returned `bytes` afterwards.
   */
  run(bytes: Buffer, rootPem: string, budgetMs = VERIFY_TIME_BUDGET_MS): Promise<Checked> {
    if (this.queue.length >= MAX_QUEUED)
      throw new HttpException(
        { code: 'verify_busy', message: '验章服务繁忙，请稍后再试 (verification busy, try again shortly)' },
        HttpStatus.SERVICE_UNAVAILABLE,
      );
    return new Promise<Checked>((resolve, reject) => {
      // Larger than Buffer's shared pool: memory of its own (an upload), transferable without a copy.
      const owns = bytes.buffer.byteLength > Buffer.poolSize && !(bytes.buffer instanceof SharedArrayBuffer);
      const view = owns ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) : new Uint8Array(bytes);
      this.queue.push({ id: this.nextId++, bytes: view, rootPem, resolve, reject });
      void this.pump(budgetMs);
    });
  }

  private async pump(budgetMs: number): Promise<void> {
    if (this.running || this.closed) return;
    const job = this.queue.shift();
    if (!job) return;
    this.running = job;
    try {
      const worker = await this.start();
      job.resolve(await this.dispatch(worker, job, budgetMs));
    } catch (error) {
      job.reject(error);
    } finally {
      this.running = undefined;
      void this.pump(budgetMs);
    }
  }

  private dispatch(worker: Worker, job: Pending, budgetMs: number): Promise<Checked> {
    return new Promise<Checked>((resolve, reject) => {
      const overrun = () => {
        cleanup();
        this.discard();
        reject(new Invalid('文件过于复杂，未能在时限内完成验章 (verification exceeded its time budget)', 'verify_timeout'));
      };
      // CPU time where Linux shows it (wall clock only as the ceiling), else wall clock.
      const tid = this.tid;
      const cpuAtStart = tid === undefined ? undefined : threadCpuMs(tid);
      const byCpu = tid !== undefined && cpuAtStart !== undefined;
      const timer = setTimeout(overrun, byCpu ? Math.max(budgetMs, VERIFY_WALL_LIMIT_MS) : budgetMs);
      const cpuTimer = byCpu
        ? setInterval(() => {
            const used = threadCpuMs(tid);
            if (used === undefined || used - cpuAtStart > budgetMs) overrun();
          }, CPU_POLL_MS)
        : undefined;
      const onMessage = (message: {
        id?: number;
        result?: VerifyResult;
        sha256?: string;
        facts?: ByteFacts;
        refused?: { code: string; message: string };
        bytes?: Uint8Array;
      }) => {
        if (message.id !== job.id) return;
        cleanup();
        if (message.refused) return reject(new Invalid(message.refused.message, message.refused.code));
        const bytes = message.bytes!;
        resolve({
          result: message.result!,
          sha256: message.sha256!,
          facts: message.facts!,
          bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
        });
      };
      const onExit = () => {
        cleanup();
        this.discard();
        reject(new Invalid('无法验证该文件 (the file could not be checked)', 'verify_failed'));
      };
      const cleanup = () => {
        clearTimeout(timer);
        clearInterval(cpuTimer);
        worker.off('message', onMessage);
        worker.off('exit', onExit);
      };
      worker.on('message', onMessage);
      worker.on('exit', onExit);
      worker.postMessage({ id: job.id, bytes: job.bytes, rootPem: job.rootPem }, [job.bytes.buffer as ArrayBuffer]);
    });
  }

  private start(): Promise<Worker> {
    if (this.ready) return this.ready;
    const worker = spawnVerifyWorker();
    this.worker = worker;
    worker.unref();
    this.ready = new Promise<Worker>((resolve, reject) => {
      const onReady = (message: { ready?: boolean; tid?: number }) => {
        if (!message.ready) return;
        worker.off('message', onReady);
        this.tid = message.tid !== undefined && threadCpuMs(message.tid) !== undefined ? message.tid : undefined;
        resolve(worker);
      };
      worker.on('message', onReady);
      worker.once('error', (error) => {
        this.discard();
        reject(error);
      });
    });
    return this.ready;
  }

  private discard(): void {
    const worker = this.worker;
    this.worker = undefined;
    this.tid = undefined;
    this.ready = undefined;
    if (worker) void worker.terminate();
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('shutting down'));
    this.discard();
  }
}

/** CPU time (user + system) a thread of this process has used, in ms; undefined where /proc does not show it. */
export function threadCpuMs(tid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'latin1');
    // Fields after "(comm) ": state is the 1st, utime the 12th, stime the 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return undefined;
  }
}

/** The built server runs verify-worker.js; from source (tests, ts-node) the worker registers ts-node first. */
function spawnVerifyWorker(): Worker {
  const ext = extname(__filename);
  const file = join(__dirname, `verify-worker${ext}`);
  if (ext === '.js' && existsSync(file)) return new Worker(file);
  const register = join(__dirname, '..', '..', '..', '..', 'scripts', 'register.js');
  return new Worker(`require(${JSON.stringify(register)}); require(${JSON.stringify(file)});`, { eval: true });
}
