import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * SQL functions that hold a rule the server also knows (casting a ballot…) live as .sql files in this folder,
 * one file per function family, always the current version. A migration that changes a function edits its file
 * and re-applies it with `functionSql(name)`. The build does not copy .sql files, so from dist/ the file is found
 * by walking up to the checkout's libs/database/src/functions.
 */
export function functionSql(file: string): string {
  const here = join(__dirname, file);
  if (existsSync(here)) return readFileSync(here, 'utf8');
  for (let dir = __dirname; dirname(dir) !== dir; dir = dirname(dir)) {
    const candidate = join(dir, 'libs/database/src/functions', file);
    if (existsSync(candidate)) return readFileSync(candidate, 'utf8');
  }
  throw new Error(`SQL function file ${file} not found from ${__dirname}`);
}
