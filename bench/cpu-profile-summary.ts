/**
 * Summarizes a V8 .cpuprofile (from BENCH_CPU_PROF or `node --cpu-prof`): self time per package / area and the
 * top functions. Usage: node -r ./scripts/register.js bench/cpu-profile-summary.ts <file.cpuprofile> [top]
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** The area a frame's code belongs to: a package under node_modules, node itself, our code, or V8's own. */
export function area(frame: ProfileNode['callFrame']): string {
  const { url, functionName } = frame;
  if (!url) {
    if (functionName === '(idle)') return '(idle)';
    if (functionName === '(garbage collector)') return '(gc)';
    if (functionName === '(program)') return '(program)';
    return `(native) ${functionName || 'anonymous'}`.slice(0, 40);
  }
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules) return modules[1];
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0]}`;
  const ours = /\/(apps\/api\/src\/[^/]+|libs\/[^/]+|bench)\//.exec(url);
  return ours ? ours[1] : url;
}

function main(): void {
  const [file, topArg] = process.argv.slice(2);
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const areas = new Map<string, number>();
  const fns = new Map<string, number>();
  for (const [id, us] of self) {
    const frame = byId.get(id)!.callFrame;
    const a = area(frame);
    areas.set(a, (areas.get(a) ?? 0) + us);
    if (a === '(idle)') continue;
    const key = `${frame.functionName || '(anonymous)'} ${a}${frame.url ? `:${frame.lineNumber + 1}` : ''}`;
    fns.set(key, (fns.get(key) ?? 0) + us);
  }
  const idle = areas.get('(idle)') ?? 0;
  const busy = total - idle;
  console.log(`profile ${(total / 1e6).toFixed(1)} s, busy ${((busy / total) * 100).toFixed(0)} % (shares below are of busy time)`);
  const show = (m: Map<string, number>, n: number) =>
    [...m]
      .filter(([k]) => k !== '(idle)')
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .forEach(([k, us]) => console.log(`${((us / busy) * 100).toFixed(1).padStart(5)} %  ${k}`));
  console.log('\n-- by area --');
  show(areas, 30);
  console.log('\n-- by function --');
  show(fns, Number(topArg ?? 40));
}

if (require.main === module) main();
