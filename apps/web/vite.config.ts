import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { precompress } from './vite-precompress';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The modules of the light app (src/lite/LiteApp.tsx and its imports): none of them imports antd. */
const LITE_MODULES =
  /([\\/]apps[\\/]web[\\/]src[\\/](lite[\\/]|api[\\/]|session[\\/](session|useCommunity)|format|labels|hooks[\\/](useLoad|useSubmit)|layout[\\/]textSize|pages[\\/]auth[\\/]LoginPage|pages[\\/]activation[\\/]ActivatePage|pages[\\/]public[\\/](PublicCommunityPage|VerifyPage|IncomeChart|FundraisingSection|RecordCheckpointsCard|CheckKeptCheckpoint|RecordCheckpointResult)|pages[\\/]voting[\\/](BallotPage|BallotForm|ReceiptCard|ReceiptCheck|MyProxyCard|proxyStatus|choices))|[\\/]libs[\\/]domain[\\/]src[\\/]labels[\\/])/;
const outDir = fileURLToPath(new URL('../../dist/web', import.meta.url));

// Built into dist/web, which the API server serves at / (see apps/api/src/web/web.module.ts).
export default defineConfig(({ isSsrBuild }) => ({
  root,
  // The pure rules and the label registry, under the name the API uses (tsconfig.json paths say the same).
  resolve: { alias: { '@gongyi/domain': fileURLToPath(new URL('../../libs/domain/src', import.meta.url)) } },
  // The second build (`--ssr src/lite/prerender.tsx`) only renders the light pages' first screen at build time.
  plugins: isSsrBuild ? [react()] : [react(), precompress(outDir)],
  build: {
    outDir: isSsrBuild ? fileURLToPath(new URL('../../dist/web-ssr', import.meta.url)) : outDir,
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        // React changes less often than our pages and every page needs it: its own long-cached chunk. Ant Design is
        // left to the default splitting, so a page loads only the components it uses (one shared "antd" chunk made
        // the public pages download every admin table, form and date picker: 950 KB).
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|react-router-dom|scheduler)[\\/]/ },
            // The light app and everything it imports in one chunk: on a slow phone each extra file costs a round
            // trip (six connections per host), and these are small. Only antd-free modules may be listed here.
            { name: 'lite', test: LITE_MODULES },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:3000' },
  },
}));
