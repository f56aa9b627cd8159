#!/usr/bin/env node
// Runs a command with DATABASE_URL set: the given one, or the development embedded PostgreSQL
// (same folder and port as `npm start`), started for the duration of the command.
require('./register');
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');
const { loadConfig } = require('../apps/api/src/config/app-config');
const { startEmbeddedPostgres } = require('../libs/database/src/embedded-postgres');

async function main() {
  const config = loadConfig();
  let stop;
  let url = config.databaseUrl;
  if (!url) {
    const embedded = await startEmbeddedPostgres({ dataDir: join(config.dataDir, 'pg'), port: config.embeddedPgPort, database: 'gongyi' });
    url = embedded.url;
    stop = embedded.stop;
  }
  const [command, ...args] = process.argv.slice(2);
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    shell: false,
    env: { ...process.env, DATABASE_URL: url, PATH: `${join(__dirname, '..', 'node_modules', '.bin')}:${process.env.PATH}` },
  });
  if (stop) await stop();
  process.exit(result.status ?? 1);
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
