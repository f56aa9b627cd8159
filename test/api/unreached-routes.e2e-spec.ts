import { join } from 'node:path';
import { readIgnoreFile, tailOf, unreachedOperations, webSource } from '../support/unreached-routes';
import { createTestApp, TestApp } from '../support/test-app';

const ROOT = join(__dirname, '..', '..');

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

  it('lists no unreached operation outside apps/web/unreached-routes.ignore', async () => {
    const doc = (await t.http.get('/api/docs-json').expect(200)).body;
    const ignore = readIgnoreFile(join(ROOT, 'apps', 'web', 'unreached-routes.ignore'));
    const { unreached, total } = unreachedOperations(doc, webSource(join(ROOT, 'apps', 'web', 'src')), ignore);
    expect(total).toBeGreaterThan(50);
    expect(unreached).toEqual([]);
  });
});
