import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { get, IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { precompressDir } from '../../apps/api/src/web/precompress';
import { createTestApp, TestApp } from '../support/test-app';

/** The raw bytes and headers, without the client decompressing anything. */
function fetchRaw(port: number, path: string, acceptEncoding?: string) {
  return new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    get({ host: '127.0.0.1', port, path, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

describe('web app files: precompressed and cached', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongyi-web-'));
  const script = `export const greeting = ${JSON.stringify('业主大会'.repeat(500))};\n`;
  const indexHtml = `<!doctype html><html lang="zh-CN"><head><title>共议</title>${'<link rel="modulepreload" href="/assets/index-Ab12Cd34.js">'.repeat(20)}</head><body><div id="root"></div></body></html>`;
  // A prerendered light page (apps/web/prerender-lite.mjs) with its one inline script, the loader.
  const loader = "requestAnimationFrame(function(){import('/assets/index-Ab12Cd34.js')})";
  const verifyHtml = `<!doctype html><html lang="zh-CN"><head><title>文书验章</title></head><body><div id="root"><h1>文书验章</h1>${'<p>输入文书上印的编号</p>'.repeat(30)}</div><script>${loader}</script></body></html>`;
  let t: TestApp;
  let port: number;

  beforeAll(async () => {
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'assets', 'index-Ab12Cd34.js'), script);
    writeFileSync(join(dir, 'index.html'), indexHtml);
    mkdirSync(join(dir, 'lite'));
    writeFileSync(join(dir, 'lite', 'verify.html'), verifyHtml);
    expect(precompressDir(dir).sort()).toEqual([
      join(dir, 'assets', 'index-Ab12Cd34.js'),
      join(dir, 'index.html'),
      join(dir, 'lite', 'verify.html'),
    ]);
    process.env.WEB_DIST_DIR = dir;
    t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as { port: number }).port;
  });
  afterAll(async () => {
    delete process.env.WEB_DIST_DIR;
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends a hashed asset brotli- or gzip-compressed, cached for a year as immutable', async () => {
    const br = await fetchRaw(port, '/assets/index-Ab12Cd34.js', 'gzip, deflate, br');
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers['content-type']).toMatch(/^text\/javascript/);
    expect(br.body.length).toBeLessThan(Buffer.byteLength(script) / 10);
    expect(brotliDecompressSync(br.body).toString()).toBe(script);

    const gz = await fetchRaw(port, '/assets/index-Ab12Cd34.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(gunzipSync(gz.body).toString()).toBe(script);

    const plain = await fetchRaw(port, '/assets/index-Ab12Cd34.js', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(plain.body.toString()).toBe(script);

    const refused = await fetchRaw(port, '/assets/index-Ab12Cd34.js', 'br;q=0, gzip');
    expect(refused.headers['content-encoding']).toBe('gzip');
  });

  it('sends index.html compressed and revalidated on every visit, also for the app routes', async () => {
    for (const path of ['/', '/index.html', '/login', '/p/some-community']) {
      const res = await fetchRaw(port, path, 'br');
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-encoding']).toBe('br');
      expect(res.headers['vary']).toMatch(/Accept-Encoding/i);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['etag']).toBeDefined();
      expect(brotliDecompressSync(res.body).toString()).toBe(indexHtml);
    }
  });

  it('answers 404 for a missing hashed file, leaves /api to the API and stays inside the folder', async () => {
    expect((await fetchRaw(port, '/assets/index-gone.js', 'br')).status).toBe(404);
    const api = await fetchRaw(port, '/api/no-such-route');
    expect(api.status).toBe(404);
    expect(api.headers['content-type']).toMatch(/json/);
    const health = await fetchRaw(port, '/api/health');
    expect(health.status).toBe(200);
    const escape = await fetchRaw(port, '/assets/..%2f..%2f..%2fetc%2fpasswd');
    expect(escape.body.toString()).not.toContain('root:');
  });
  it('names the public JSON a light page fetches first in a preload Link on its index.html, and nothing elsewhere', async () => {
    const id = '0194d3c2-7a1b-7c3d-8e4f-123456789abc';
    const community = await fetchRaw(port, `/p/${id}`, 'br');
    expect(community.status).toBe(200);
    expect(community.headers['link']).toBe(`</api/public/communities/${id}>; rel=preload; as=fetch; crossorigin`);
    const statement = await fetchRaw(port, '/verify/GY-3F9A2C1B-2026-000001', 'br');
    expect(statement.headers['link']).toBe('</api/verify/GY-3F9A2C1B-2026-000001>; rel=preload; as=fetch; crossorigin');
    // No preload for paths that are not a community id or a document number, nor for other pages.
    for (const path of ['/p/not-a-uuid', '/verify/%3Cscript%3E', '/verify', '/login', `/c/${id}/overview`]) {
      const res = await fetchRaw(port, path, 'br');
      expect(res.status).toBe(200);
      expect(res.headers['link']).toBeUndefined();
    }
  });

  it('sends a prerendered light page for its path, revalidated, with its inline loader allowed by hash only', async () => {
    const res = await fetchRaw(port, '/verify', 'br');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(res.body).toString()).toBe(verifyHtml);
    const hash = createHash('sha256').update(loader).digest('base64');
    const scriptSrc = /script-src ([^;]*)/.exec(String(res.headers['content-security-policy']))?.[1];
    expect(scriptSrc).toBe(`'self' 'sha256-${hash}'`);
    // Pages without a prerendered file get the plain shell, and their policy allows no inline script.
    const login = await fetchRaw(port, '/login', 'br');
    expect(brotliDecompressSync(login.body).toString()).toBe(indexHtml);
    expect(/script-src ([^;]*)/.exec(String(login.headers['content-security-policy']))?.[1]).toBe("'self'");
  });
});
