import { bearer, TestApp } from './test-app';

/** The seal PIN every test custodian sets for itself (a custodian's own secret; the server cannot open it). */
export const TEST_SEAL_PIN = 'pin-24681357';

const SEAL_BACKDATE_MS = 30 * 86_400_000;

/** The member sets their own seal PIN in the community (the legitimate path: only they know it). */
export async function setSealPin(t: TestApp, communityId: string, member: { token: string }, pin = TEST_SEAL_PIN): Promise<void> {
  const res = await t.http.put(`/api/communities/${communityId}/my-seal-pin`).set(bearer(member.token)).send({ pin });
  if (res.status !== 200) throw new Error(`set seal PIN: ${res.status} ${JSON.stringify(res.body)}`);
}

/**
 * Issues a term's seals the legitimate way: the default custodians (the residents' committee for the assembly
 * seal, the director for the committee seal) set their own PINs first, so the new keys are wrapped for them.
 */
export async function issueSealsWithPins(
  t: TestApp,
  communityId: string,
  issuer: { token: string },
  custodians: { token: string }[],
  body: Record<string, unknown> = { term: 1 },
) {
  for (const c of custodians) {
    const status = await t.http.get(`/api/communities/${communityId}/my-seal-pin`).set(bearer(c.token));
    if (!status.body.pinSet) await setSealPin(t, communityId, c);
  }
  // openVote cuts the term's seals when it seals its notice: asking for the same term again gets those seals.
  const current = await t.http.get(`/api/communities/${communityId}/seals`).set(bearer(issuer.token));
  const active =
    (current.body as { id: string; kind: string; term: number; status: string }[]).filter?.((s) => s.status === 'active') ?? [];
  if (active.length >= 2 && active.every((s) => s.term === (body.term ?? 1)) && Object.keys(body).length === 1) return active;
  // A community's first seals are cut before anything a test back-dates (openVote seals its notice 22 days ago): a
  // certificate must be valid at the signing time, so the first term is cut 30 days back, as the test app's CA and
  // TSA are 60 days back. A later term is cut now: it retires the current seals, which may have sealed since.
  const offset = t.clock.now().getTime() - Date.now();
  const first = active.length === 0;
  if (first && offset > -SEAL_BACKDATE_MS) t.clock.travelTo(new Date(Date.now() - SEAL_BACKDATE_MS));
  let res;
  try {
    res = await t.http.post(`/api/communities/${communityId}/seals`).set(bearer(issuer.token)).send(body);
  } finally {
    if (Math.abs(offset) < 5) t.clock.reset();
    else t.clock.travelTo(new Date(Date.now() + offset));
  }
  if (res.status !== 201) throw new Error(`issue seals: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; kind: string; term: number; status: string }[];
}
