import { bearer, TestApp } from './test-app';

/**
 * The final 表决结果公告 of a closed vote: travels past the objection period that started at the close and issues
 * it (which also makes its seal request). Returns the registered document and the pending seal request.
 */
export async function issueFinalResult(
  t: TestApp,
  communityId: string,
  voteId: string,
  as: { token: string },
  body: Record<string, unknown> = {},
): Promise<{ document: { id: string; number: string; title: string; requiredSeals: string[] }; sealRequest: { id: string } }> {
  const [vote] = await t.dataSource.query<{ objection_ends_at: Date }[]>('SELECT objection_ends_at FROM assembly_votes WHERE id = $1', [
    voteId,
  ]);
  t.clock.travelTo(new Date(new Date(vote.objection_ends_at).getTime() + 1000));
  try {
    const res = await t.http.post(`/api/communities/${communityId}/votes/${voteId}/final-result`).set(bearer(as.token)).send(body);
    if (res.status !== 201) throw new Error(`final result: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  } finally {
    t.clock.reset();
  }
}
