import type { NextFunction, Request, Response } from 'express';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** Vite puts every content-hashed file under /assets/: its name changes whenever its bytes do. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html names the current hashed files: always revalidate it (ETag makes that a 304). */
export const REVALIDATE = 'no-cache';
const SHORT = 'public, max-age=3600';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The public JSON a light page fetches first, named in a `Link: rel=preload` header on its index.html, so a phone
 * starts that request together with the scripts instead of after them (one round trip less before the content).
 * The URL is exactly the one the web client builds (apps/web/src/api), or the preload would go unused.
 */
export function dataPreload(path: string): string | undefined {
  let api: string | undefined;
  const community = /^\/p\/([^/]+)\/?$/.exec(path);
  const number = /^\/verify\/([^/]+)\/?$/.exec(path);
  try {
    if (community && UUID.test(decodeURIComponent(community[1])))
      api = `/api/public/communities/${encodeURIComponent(decodeURIComponent(community[1]))}`;
    else if (number && /^[A-Za-z0-9-]{1,64}$/.test(decodeURIComponent(number[1]).trim()))
      api = `/api/verify/${encodeURIComponent(decodeURIComponent(number[1]).trim())}`;
  } catch {
    return undefined;
  }
  return api && `<${api}>; rel=preload; as=fetch; crossorigin`;
}

/**
 * The light pages whose first screen `npm run build:web` renders into HTML (apps/web/prerender-lite.mjs), by path:
 * the file `lite/<name>.html` is sent instead of the empty shell, so a phone paints the page before any script.
 */
export function prerenderedPage(path: string): string | undefined {
  if (/^\/login\/?$/.test(path)) return 'login';
  if (/^\/verify\/?$/.test(path)) return 'verify';
  if (/^\/verify\/[^/]+\/?$/.test(path)) return 'verify-number';
  if (/^\/p\/[^/]+\/?$/.test(path)) return 'public';
  if (/^\/c\/[^/]+\/my-votes\/[^/]+\/?$/.test(path)) return 'ballot';
  return undefined;
}

/** CSP sources ('sha256-…') of the inline scripts of an HTML file: the prerendered pages' script loader. */
const inlineHashes = new Map<string, { mtimeMs: number; sources: string[] }>();
function inlineScriptSources(file: string): string[] {
  const mtimeMs = statSync(file).mtimeMs;
  const known = inlineHashes.get(file);
  if (known && known.mtimeMs === mtimeMs) return known.sources;
  const html = readFileSync(file, 'utf8');
  const sources = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
    (m) => `'sha256-${createHash('sha256').update(m[1]).digest('base64')}'`,
  );
  inlineHashes.set(file, { mtimeMs, sources });
  return sources;
}

/** The encodings the client accepts, best first, that we keep precompressed copies for. */
function acceptedEncodings(header: string | undefined): ('br' | 'gzip')[] {
  const accepted = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
    accepted.set(name, q === undefined ? 1 : Number(q));
  }
  return (['br', 'gzip'] as const).filter((e) => (accepted.get(e) ?? accepted.get('*') ?? 0) > 0);
}

/**
 * Serves the built web app: precompressed `.br`/`.gz` copies when the client accepts them (with Content-Encoding and
 * Vary), year-long immutable caching for hashed assets, revalidation for index.html, and index.html for every other
 * GET outside /api (the app's own routes). Express's `sendFile` adds ETag, Last-Modified and range handling.
 */
export function staticFiles(root: string) {
  const base = resolve(root);
  const isFile = (path: string) => existsSync(path) && statSync(path).isFile();
  return (req: Request, res: Response, next: NextFunction): void => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path === '/api' || req.path.startsWith('/api/')) return next();
    let relative: string;
    try {
      relative = normalize(decodeURIComponent(req.path));
    } catch {
      return next();
    }
    let file = join(base, relative);
    if (file !== base && !file.startsWith(base + sep)) return next();
    const asset = relative.startsWith(`${sep}assets${sep}`);
    if (!isFile(file)) {
      // A missing hashed file is a 404 (a stale page asking for an old build), not the app shell.
      if (asset || extname(relative)) return next();
      const page = prerenderedPage(req.path);
      file = page && isFile(join(base, 'lite', `${page}.html`)) ? join(base, 'lite', `${page}.html`) : join(base, 'index.html');
      if (!isFile(file)) return next();
      // Allow exactly the page's own inline script (its loader), by hash, in the CSP helmet set for every response.
      const csp = res.getHeader('Content-Security-Policy');
      const sources = inlineScriptSources(file);
      if (typeof csp === 'string' && sources.length)
        res.setHeader('Content-Security-Policy', csp.replace("script-src 'self'", `script-src 'self' ${sources.join(' ')}`));
      const preload = dataPreload(req.path);
      if (preload) res.setHeader('Link', preload);
    }
    const type = TYPES[extname(file)];
    res.setHeader('Cache-Control', asset ? IMMUTABLE : file.endsWith('.html') ? REVALIDATE : SHORT);
    res.setHeader('Vary', 'Accept-Encoding');
    if (type) res.setHeader('Content-Type', type);
    let send = file;
    for (const encoding of acceptedEncodings(req.headers['accept-encoding'])) {
      const compressed = `${file}.${encoding === 'br' ? 'br' : 'gz'}`;
      if (isFile(compressed)) {
        res.setHeader('Content-Encoding', encoding);
        send = compressed;
        break;
      }
    }
    // Headers are set above; sendFile keeps Content-Type when already present.
    res.sendFile(send, { cacheControl: false, dotfiles: 'deny' }, (error) => {
      if (error && !res.headersSent) next();
    });
  };
}
