import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import * as ts from 'typescript';

/**
 * The same check as ../shared/tools/unreached-routes, in the repo so CI runs it on a fresh clone: an operation is
 * reached when the web source holds the literal tail of its path (the segments after the last parameter, or the
 * literal segment before a trailing parameter). Routes a person never calls are named in
 * apps/web/unreached-routes.ignore (one regular expression a line, # comments).
 *
 * Only hand-written web code counts: api/generated (schema.d.ts and openapi.json, made from the contract itself)
 * names every path, so scanning it made every operation look reached; and only string literals are read (stringsOf),
 * so a comment that names a route is not taken for its caller.
 */
export const GENERATED_DIRS = ['api/generated'];

const SOURCE = /\.(ts|tsx|js|jsx)$/;

/** The source files under root, minus node_modules and the skipped directories (relative to root). */
function sourceFiles(root: string, skip: string[]): string[] {
  const skipped = new Set(skip.map((dir) => join(root, dir)));
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (name !== 'node_modules' && !skipped.has(path)) walk(path);
      } else if (SOURCE.test(name)) files.push(path);
    }
  };
  walk(root);
  return files;
}

/**
 * The string literals of a source file (plain, template pieces, JSX attributes), one per line, as JSON strings: a
 * path counts only where the code holds it in a string, never in a comment ("GET …/requests/stats" in a doc comment
 * named a route nobody called).
 */
export function stringsOf(text: string, fileName = 'file.tsx'): string {
  const file = ts.createSourceFile(
    fileName,
    text,
    ts.ScriptTarget.Latest,
    false,
    /x$/.test(fileName) ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const out: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node)) out.push(JSON.stringify(node.text));
    ts.forEachChild(node, visit);
  };
  visit(file);
  return out.join('\n');
}

export function webSource(root: string, skip: string[] = GENERATED_DIRS): string {
  return sourceFiles(root, skip)
    .map((path) => stringsOf(readFileSync(path, 'utf8'), path))
    .join('\n');
}

/**
 * Writes what webSource reads (the string literals of the hand-written files) under dest, for ../shared/tools/unreached-routes,
 * which reads a directory as it is (.ci/unreached-routes.sh).
 */
export function copyWebSource(root: string, dest: string, skip: string[] = GENERATED_DIRS): number {
  const files = sourceFiles(root, skip);
  for (const path of files) {
    const target = join(dest, relative(root, path));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, stringsOf(readFileSync(path, 'utf8'), path));
  }
  return files.length;
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

/**
 * The functions of the web's API modules (`export const xxxApi = { name: … }` in WEB/api/*.ts) that no code outside
 * WEB/api calls: such a wrapper names its route, so the route looks reached although no page lets anyone use it.
 */
export function uncalledWrappers(root: string): string[] {
  const apiDir = join(root, 'api');
  // Calls are property accesses in the code (`sealsApi.retire(…)`), never a name in a comment.
  const called = new Set<string>();
  for (const path of sourceFiles(root, ['api'])) {
    const file = ts.createSourceFile(
      path,
      readFileSync(path, 'utf8'),
      ts.ScriptTarget.Latest,
      false,
      /x$/.test(path) ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
    );
    const visit = (node: ts.Node) => {
      if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression)) called.add(`${node.expression.text}.${node.name.text}`);
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  const wrappers: string[] = [];
  for (const path of sourceFiles(apiDir, ['generated'])) {
    const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
    for (const statement of file.statements) {
      if (!ts.isVariableStatement(statement) || !statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
      for (const declaration of statement.declarationList.declarations) {
        if (!ts.isIdentifier(declaration.name) || !/Api$/.test(declaration.name.text)) continue;
        if (!declaration.initializer || !ts.isObjectLiteralExpression(declaration.initializer)) continue;
        for (const property of declaration.initializer.properties) {
          if (property.name && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)))
            wrappers.push(`${declaration.name.text}.${property.name.text}`);
        }
      }
    }
  }
  return wrappers.filter((w) => !called.has(w)).sort();
}
