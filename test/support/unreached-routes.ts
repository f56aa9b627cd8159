import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The same check as ../shared/tools/unreached-routes, in the repo so CI runs it on a fresh clone: an operation is
 * reached when the web source holds the literal tail of its path (the segments after the last parameter, or the
 * literal segment before a trailing parameter). Routes a person never calls are named in
 * apps/web/unreached-routes.ignore (one regular expression a line, # comments).
 *
 * Only hand-written web code counts: api/generated (schema.d.ts and openapi.json, made from the contract itself)
 * names every path, so scanning it made every operation look reached.
 */
export const GENERATED_DIRS = ['api/generated'];

export function webSource(root: string, skip: string[] = GENERATED_DIRS): string {
  const skipped = new Set(skip.map((dir) => join(root, dir)));
  const chunks: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (name !== 'node_modules' && !skipped.has(path)) walk(path);
      } else if (/\.(ts|tsx|js|jsx)$/.test(name)) chunks.push(readFileSync(path, 'utf8'));
    }
  };
  walk(root);
  return chunks.join('\n');
}

export function tailOf(path: string): string {
  const segs = path.split('/').filter((s) => s && s !== 'api');
  let lastParam = -1;
  segs.forEach((s, i) => {
    if (s.startsWith('{')) lastParam = i;
  });
  let tail = segs.slice(lastParam + 1);
  if (tail.length === 0) tail = segs.filter((s) => !s.startsWith('{')).slice(-1);
  return tail.length ? `/${tail.join('/')}` : '/';
}

export function readIgnoreFile(file: string): RegExp[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.split('#', 1)[0].trim())
    .filter(Boolean)
    .map((p) => new RegExp(p));
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function unreachedOperations(
  doc: { paths: Record<string, Record<string, { summary?: string }>> },
  source: string,
  ignore: RegExp[],
): { unreached: string[]; total: number } {
  const unreached: string[] = [];
  let total = 0;
  for (const [path, item] of Object.entries(doc.paths).sort(([a], [b]) => a.localeCompare(b))) {
    if (ignore.some((r) => r.test(path))) continue;
    for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
      if (!item[method]) continue;
      total++;
      const tail = tailOf(path);
      if (tail === '/' || !new RegExp(`${escape(tail)}(?![A-Za-z0-9_-])`).test(source)) {
        unreached.push(`${method.toUpperCase()} ${path}  ${item[method].summary ?? ''}`);
      }
    }
  }
  return { unreached, total };
}
