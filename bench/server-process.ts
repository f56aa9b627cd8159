/**
 * One more API server for the bench, in its own process (see startServerProcess in harness.ts): the database is
 * already migrated by the bench; this process only serves. Prints `listening <port>` once it accepts requests.
 */
import 'reflect-metadata';
import { createServer } from '../apps/api/src/bootstrap';
import { benchServerConfig } from './harness';

async function main(): Promise<void> {
  const databaseUrl = process.env.BENCH_SERVER_DATABASE_URL;
  if (!databaseUrl) throw new Error('BENCH_SERVER_DATABASE_URL is not set');
  const app = await createServer(benchServerConfig(databaseUrl));
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  // (SIGTERM closes the app through Nest's shutdown hooks, which createServer enables.)
  process.stdout.write(`listening ${port}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
