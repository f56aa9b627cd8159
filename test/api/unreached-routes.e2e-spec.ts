import { join } from 'node:path';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { readIgnoreFile, stringsOf, tailOf, uncalledWrappers, unreachedOperations, webSource } from '../support/unreached-routes';
import { createTestApp, TestApp } from '../support/test-app';

const ROOT = join(__dirname, '..', '..');
const WEB = join(ROOT, 'apps', 'web', 'src');

describe('every API operation a person needs has a caller in the web app', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('finds path tails the way the shared tool does', () => {
    expect(tailOf('/api/communities/{communityId}/statements/{id}/publication')).toBe('/publication');
    expect(tailOf('/api/communities/{communityId}/seals/{id}')).toBe('/seals');
    expect(tailOf('/api/health')).toBe('/health');
    const { unreached } = unreachedOperations({ paths: { '/api/x/{id}/never-called-anywhere': { get: {} } } }, 'nothing', []);
    expect(unreached).toHaveLength(1);
  });

  it('reads only hand-written web code: api/generated names every path and would make every operation look reached', async () => {
    const doc = (await t.http.get('/api/docs-json').expect(200)).body;
    // With the generated files, and no ignore list, the check is vacuous (this is what it used to scan)…
    expect(unreachedOperations(doc, webSource(WEB, []), []).unreached).toEqual([]);
    // …without them the routes no person calls (health, docs, the TSA: the ignore list) show up.
    const { unreached } = unreachedOperations(doc, webSource(WEB), []);
    expect(unreached).toEqual(
      expect.arrayContaining([expect.stringMatching(/^GET \/api\/health /), expect.stringMatching(/^POST \/api\/tsa /)]),
    );
    const noCaller = { paths: { '/api/communities/{communityId}/never-called-by-the-web': { get: {} } } };
    expect(unreachedOperations(noCaller, webSource(WEB), []).unreached).toHaveLength(1);
  });

  it('counts a path only in a string of the code, not in a comment', () => {
    const doc = { paths: { '/api/communities/{communityId}/requests/stats': { get: {} } } };
    const commented = stringsOf("// GET …/requests/stats\n/** calls /requests/stats */\nconst x = '/requests';", 'a.tsx');
    expect(unreachedOperations(doc, commented, []).unreached).toHaveLength(1);
    const called = stringsOf('client.GET(`/api/communities/${id}/requests/stats`); const u = "http://x//y";', 'a.ts');
    expect(unreachedOperations(doc, called, []).unreached).toEqual([]);
    expect(called).toContain('"http://x//y"');
  });

  it('reports a route once its only caller is gone', async () => {
    const doc = (await t.http.get('/api/docs-json').expect(200)).body;
    const ignore = readIgnoreFile(join(ROOT, 'apps', 'web', 'unreached-routes.ignore'));
    const source = webSource(WEB);
    const caller = JSON.stringify('/api/communities/{communityId}/notifications/read'); // apps/web/src/api/todo.ts
    expect(source.split(caller)).toHaveLength(2);
    const before = unreachedOperations(doc, source, ignore).unreached;
    const after = unreachedOperations(doc, source.replace(caller, "''"), ignore).unreached;
    expect(after.filter((line) => !before.includes(line))).toEqual([
      expect.stringMatching(/^POST \/api\/communities\/\{communityId\}\/notifications\/read /),
    ]);
  });

  it('lists no unreached operation outside apps/web/unreached-routes.ignore', async () => {
    const doc = (await t.http.get('/api/docs-json').expect(200)).body;
    const ignore = readIgnoreFile(join(ROOT, 'apps', 'web', 'unreached-routes.ignore'));
    const { unreached, total } = unreachedOperations(doc, webSource(WEB), ignore);
    expect(total).toBeGreaterThan(50);
    expect(unreached).toEqual([]);
  });

  it('finds API wrappers that no page calls (they make a route look reached that nobody can use)', () => {
    const web = mkdtempSync(join(tmpdir(), 'web-'));
    try {
      mkdirSync(join(web, 'api'));
      mkdirSync(join(web, 'pages'));
      writeFileSync(join(web, 'api', 'x.ts'), "export const fooApi = { used: () => '/a', commented: () => '/b', unused: () => '/c' };");
      writeFileSync(join(web, 'pages', 'P.tsx'), 'export const P = () => { void fooApi.used(); return null; }; // fooApi.commented()');
      expect(uncalledWrappers(web)).toEqual(['fooApi.commented', 'fooApi.unused']);
    } finally {
      rmSync(web, { recursive: true, force: true });
    }
  });

  it('has a page calling every function of apps/web/src/api', () => {
    expect(uncalledWrappers(WEB)).toEqual([]);
  });
});
