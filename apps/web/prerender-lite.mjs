// After `vite build` (client) and `vite build --ssr src/lite/prerender.tsx` (server bundle): writes
// dist/web/lite/<page>.html, index.html with the light pages' first screen rendered in (issue 15), and their .br/.gz.
// - lite.css is inlined as <style>: no render-blocking stylesheet request before the first paint.
// - Pages complete without data (login, verify) start their scripts only after the first frame (a tiny
//   inline loader, allowed by its CSP hash, see apps/api/src/web/static-files.ts): the first paint is the page itself,
//   from the HTML alone, and React's first render draws the same elements again.
// - Pages that render data (public page, a statement, the owner's ballot) keep the scripts in <head>, fetched at once: their
//   content needs the scripts anyway; they get their frame prerendered.
import { readFileSync, writeFileSync, mkdirSync, rmSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = resolve(import.meta.dirname, '../..');
const web = join(root, 'dist', 'web');
const ssrDir = join(root, 'dist', 'web-ssr');
const ssrEntry = readdirSync(ssrDir).find((f) => /^prerender\.m?js$/.test(f));
const { render, PRERENDERED } = await import(pathToFileURL(join(ssrDir, ssrEntry)).href);

const index = readFileSync(join(web, 'index.html'), 'utf8');
// Inline the light app's stylesheet.
const cssLink = /<link rel="stylesheet" crossorigin href="(\/assets\/lite-[^"]+\.css)">/.exec(index);
if (!cssLink) throw new Error('prerender-lite: no lite stylesheet link in dist/web/index.html');
const css = readFileSync(join(web, cssLink[1]), 'utf8').trim();
const withCss = index.replace(cssLink[0], () => `<style>${css}</style>`);

// The scripts Vite put in <head>: the entry and its preloaded chunks.
const entry = /<script type="module" crossorigin src="([^"]+)"><\/script>/.exec(withCss);
if (!entry) throw new Error('prerender-lite: no module entry in dist/web/index.html');
const preloads = [...withCss.matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)">/g)];
// After two animation frames the first one has been painted; then fetch the chunks and the entry together.
const loader =
  `(function(){var h=document.head;function go(){` +
  preloads
    .map((p) => `var l=document.createElement('link');l.rel='modulepreload';l.crossOrigin='';l.href='${p[1]}';h.appendChild(l);`)
    .join('') +
  `var s=document.createElement('script');s.type='module';s.crossOrigin='';s.src='${entry[1]}';h.appendChild(s)}` +
  `requestAnimationFrame(function(){requestAnimationFrame(function(){setTimeout(go,0)})})})()`;
let afterPaint = withCss.replace(entry[0], '');
for (const p of preloads) afterPaint = afterPaint.replace(p[0], '');
afterPaint = afterPaint.replace('</body>', () => `    <script>${loader}</script>\n  </body>`);

const STATIC_PAGES = new Set(['login', 'verify']);
const SIGNED_IN = new Set(['ballot']);
// The ballot page, at parse time: its frame's link gets the real community, and the ballot sheet (which needs the
// stored token, so no preload Link can ask for it) is requested at once, alongside the scripts (src/lite/early.ts).
const ballotEarly =
  `(function(){var m=/^\\/c\\/([^/]+)\\/my-votes\\/([^/]+)\\/?$/.exec(location.pathname);if(!m)return;` +
  `var a=document.querySelector('#root header a');if(a)a.setAttribute('href','/c/'+m[1]+'/todo');` +
  `var t=null;try{t=localStorage.getItem('gongyi.token')}catch(e){}if(!t)return;` +
  `var u='/api/communities/'+m[1]+'/votes/'+m[2]+'/my-ballot';` +
  `(window.__gyEarly=window.__gyEarly||{})[u]=fetch(u,{headers:{Accept:'application/json',Authorization:'Bearer '+t}})})()`;
const rootDiv = /<div id="root">[\s\S]*?<\/div><\/div>|<div id="root">[\s\S]*?<\/p><\/div>/;
if (!rootDiv.test(index)) throw new Error('prerender-lite: no #root placeholder in dist/web/index.html');

rmSync(join(web, 'lite'), { recursive: true, force: true });
mkdirSync(join(web, 'lite'));
const written = [join(web, 'index.html')];
// Every other path (the full app) still gets the plain shell, with the stylesheet inlined.
writeFileSync(join(web, 'index.html'), withCss);
for (const [name, path] of Object.entries(PRERENDERED)) {
  // Controls stay disabled until React draws the live page over them: nothing typed before the scripts arrive is
  // lost when the page is replaced, and no form is sent natively (a GET with the password in the address).
  const html = render(path, SIGNED_IN.has(name)).replace(/<(input|button|textarea|select)\b/g, '<$1 disabled=""');
  if (!html) throw new Error(`prerender-lite: ${path} rendered nothing`);
  const shell = STATIC_PAGES.has(name) ? afterPaint : withCss;
  const early = name === 'ballot' ? `<script>${ballotEarly}</script>` : '';
  const file = join(web, 'lite', `${name}.html`);
  writeFileSync(
    file,
    shell.replace(rootDiv, () => `<div id="root">${html}</div>${early}`),
  );
  written.push(file);
}
for (const file of written) {
  const bytes = readFileSync(file);
  writeFileSync(`${file}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
}
rmSync(ssrDir, { recursive: true, force: true });
console.log(`prerender-lite: ${written.length - 1} light pages prerendered into dist/web/lite/`);
