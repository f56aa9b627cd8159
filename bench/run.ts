/**
 * npm run bench — prints speed and memory figures. Nothing here is asserted:
 * targets are compared by people reading the output (see README).
 */
import 'reflect-metadata';
import { startBenchServer } from './harness';
import { runPdfBench } from './pdf-bench';
import { runCloseVotesBench } from './close-votes-bench';
import { runDistrictBench } from './district-bench';
import { runFinanceBench } from './finance-bench';
import { runLighthouseBench } from './lighthouse-bench';
import { runRegistryBench } from './registry-bench';
import { runVotingBench } from './voting-bench';
import { runActivationBench } from './activation-bench';
import { runVerifyBench } from './verify-bench';

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
    if (!only || only === 'closing') {
      console.log('\n== closing votes due together ==');
      await runCloseVotesBench(server);
    }
    if (!only || only === 'finance') {
      console.log('\n== public statement downloads ==');
      await runFinanceBench(server);
    }
    if (!only || only === 'lighthouse') {
      console.log('\n== owner and visitor pages (Lighthouse) ==');
      await runLighthouseBench(server);
    }
    if (!only || only === 'district') {
      console.log('\n== a district: per-community reads at 1,000 communities ==');
      await runDistrictBench(server);
    }
    if (!only || only === 'pdf') {
      console.log('\n== PDF render and dual seal ==');
      await runPdfBench();
    }
    if (!only || only === 'activation') {
      console.log('\n== activation letters ==');
      await runActivationBench();
    }
    if (!only || only === 'verify') {
      console.log('\n== public verification under the worst allowed upload ==');
      await runVerifyBench(server);
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
