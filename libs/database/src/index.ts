export * from './embedded-postgres';
export * from './naming-strategy';
export * from './test-databases';
export * from './migration-lock';
export * from './sql';
export * from './db-roles';
