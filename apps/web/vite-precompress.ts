import type { Plugin } from 'vite';
import { precompressDir } from '../api/src/web/precompress';

/** After the build, writes .br and .gz copies of every text file, which the server sends as they are. */
export function precompress(outDir: string): Plugin {
  return {
    name: 'gongyi-precompress',
    apply: 'build',
    closeBundle() {
      precompressDir(outDir);
    },
  };
}
