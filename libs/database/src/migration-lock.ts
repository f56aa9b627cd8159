import { DataSource } from 'typeorm';
import { Client } from 'pg';

// Arbitrary constant shared by every Gongyi process: only one of them migrates at a time.
const MIGRATION_LOCK_KEY = 7_324_001;

/** Applies pending migrations, serialised across processes that start together. */
export async function runMigrationsLocked(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: 'all' });
    return applied.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await runner.release();
  }
}

// Next to MIGRATION_LOCK_KEY and ROLE_LOCK_KEY (db-roles.ts).
const JOB_QUEUES_LOCK_KEY = 7_324_003;

/**
 * Runs first-start work on the job schema (pg-boss's create_queue adds a partition and foreign keys to its shared
 * job and queue tables) one process at a time: two servers creating queues together deadlock in PostgreSQL.
 */
export async function withJobQueuesLock<T>(url: string, work: () => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, application_name: 'gongyi-jobs-lock' });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [JOB_QUEUES_LOCK_KEY]);
    return await work();
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [JOB_QUEUES_LOCK_KEY]).catch(() => undefined);
    await client.end().catch(() => undefined);
  }
}
