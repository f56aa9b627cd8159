import { BenchServer, benchDirectorToken, fmt, runConcurrent } from './harness';

function roster(units: number): Buffer {
  const lines = ['楼栋,单元,房号,面积,面积来源,状态,业主,手机'];
  for (let i = 0; i < units; i++) {
    const building = Math.floor(i / 100) + 1;
    const status = i % 97 === 0 ? '未售' : '已售';
    // Every 20th owner also holds the next unit.
    const owner = i % 20 === 1 ? i - 1 : i;
    const area = `${80 + (i % 90)}.${String(i % 100).padStart(2, '0')}`;
    lines.push(`${building},${(i % 4) + 1},${1000 + i},${area},登记,${status},业主${owner},1${String(3000000000 + owner).slice(0, 10)}`);
  }
  return Buffer.from(lines.join('\n'));
}

async function upload(server: BenchServer, communityId: string, token: string, file: Buffer): Promise<{ ms: number; body: unknown }> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file)]), 'roster.csv');
  const t0 = performance.now();
  const res = await fetch(`${server.baseUrl}/api/communities/${communityId}/roster-imports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  const body = await res.json();
  if (res.status !== 201) throw new Error(`import failed: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
  return { ms: performance.now() - t0, body };
}

export async function runRegistryBench(server: BenchServer): Promise<void> {
  const created = await fetch(`${server.baseUrl}/api/communities`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: '压测小区' }),
  });
  const { id } = (await created.json()) as { id: string };
  const file = roster(5000);
  const director = await benchDirectorToken(server, id, 'registry.director');
  const first = await upload(server, id, director, file);
  const again = await upload(server, id, director, file);
  console.log(
    `roster import, 5,000 units (CSV ${Math.round(file.length / 1024)} KiB): first ${fmt(first.ms, 0)} ms, re-import (no changes) ${fmt(again.ms, 0)} ms`,
  );

  const body = JSON.stringify({ login: 'bench.admin', password: 'BenchAdmin123' });
  const login = () =>
    fetch(`${server.baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then(async (r) => {
      if (r.status !== 200) throw new Error(`login failed ${r.status}`);
      await r.arrayBuffer();
    });
  for (const concurrency of [1, 8]) {
    const r = await runConcurrent(200, concurrency, login);
    console.log(
      `login (argon2id 19 MiB, t=2), 200 logins, ${concurrency} concurrent: ${fmt(r.perSecond)} logins/s, p50 ${fmt(r.p50)} ms, p95 ${fmt(r.p95)} ms`,
    );
  }
}
