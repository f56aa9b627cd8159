/**
 * npm run bench — prints speed and memory figures. Nothing here is asserted:
 * targets are compared by people reading the output (see README).
 */
import 'reflect-metadata';
import { startBenchServer } from './harness';
import { runPdfBench } from './pdf-bench';
import { runFinanceBench } from './finance-bench';
import { runRegistryBench } from './registry-bench';
import { runVotingBench } from './voting-bench';

async function main(): Promise<void> {
  console.log(`共议 Gongyi benchmarks — node ${process.version}, ${process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded PostgreSQL'}`);
  const server = await startBenchServer();
  try {
    const only = process.env.BENCH_ONLY;
    if (!only || only === 'registry') {
      console.log('\n== registry & identity ==');
      await runRegistryBench(server);
    }
    if (!only || only === 'voting') {
      console.log('\n== assembly voting ==');
      await runVotingBench(server);
    }
    if (!only || only === 'finance') {
      console.log('\n== public statement downloads ==');
      await runFinanceBench(server);
    }
    if (!only || only === 'pdf') {
      console.log('\n== PDF render and dual seal ==');
      await runPdfBench();
    }
  } finally {
    await server.close();
  }
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(error);
    process.exit(1);
  },
);
