import { SnakeNamingStrategy } from '@gongyi/database/naming-strategy';
import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '@gongyi/database/migrations';
import { ENTITIES } from './entities';

/** One definition for the server, the tests and the TypeORM CLI (ormconfig.ts). */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    namingStrategy: new SnakeNamingStrategy(),
    // gen_random_uuid() is built into PostgreSQL 13+, so no extension has to be installed.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    synchronize: false,
    migrationsRun: false,
    extra: { max: 20 },
  };
}
