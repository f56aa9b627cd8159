import { DataSource } from 'typeorm';
import { dataSourceOptions } from './apps/api/src/database/data-source-options';

/**
 * DataSource for the TypeORM CLI (migration:generate / run / revert). Run it
 * through `npm run migration:*`, which starts the embedded PostgreSQL when
 * DATABASE_URL is unset and passes its URL here.
 */
// Migrations run as the schema owner (MIGRATION_DATABASE_URL when the app has a role of its own).
const url = process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is not set: use the npm run migration:* scripts');

export default new DataSource(dataSourceOptions(url));
