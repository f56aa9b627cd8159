/**
 * unreached-routes OPENAPI_URL_OR_FILE [WEB_SRC] [IGNORE_FILE]: the repo's copy of ../shared/tools/unreached-routes
 * (same rule, see test/support/unreached-routes.ts). Prints the unreached operations and "N of M operations have no
 * caller in the web app"; exits 1 when N > 0. WEB_SRC/api/generated is not read: the generated contract names every
 * path, so only hand-written web code counts as a caller.
 */
import { readFileSync } from 'node:fs';
import { readIgnoreFile, unreachedOperations, webSource } from '../test/support/unreached-routes';

async function main(): Promise<number> {
  const [source, web = 'apps/web/src', ignoreFile = 'apps/web/unreached-routes.ignore'] = process.argv.slice(2);
  if (!source) {
    console.error('usage: unreached-routes OPENAPI_URL_OR_FILE [WEB_SRC] [IGNORE_FILE]');
    return 2;
  }
  const doc = /^https?:\/\//.test(source) ? await (await fetch(source)).json() : JSON.parse(readFileSync(source, 'utf8'));
  const { unreached, total } = unreachedOperations(doc, webSource(web), readIgnoreFile(ignoreFile));
  for (const line of unreached) console.log(line);
  console.log(`${unreached.length} of ${total} operations have no caller in the web app`);
  return unreached.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(2);
  },
);
