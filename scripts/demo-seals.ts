import type { INestApplication } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { DataSource } from 'typeorm';
import { SealKeysService } from '../apps/api/src/seals/seal-keys.service';
import { SealRequestsService } from '../apps/api/src/seals/seal-requests.service';
import { SealsService } from '../apps/api/src/seals/seals.service';
import { NoticeSealingService } from '../apps/api/src/vote-results/notice-sealing.service';
import { atTime, demoSealDay } from './demo-trust';

/** The seal PIN each default custodian set, by the role that holds it (the demo applies seals with them). */
export type DemoSealPins = Record<'residents_committee' | 'committee_director', string>;

/**
 * Demo seals: the default custodians (居委会 for the assembly seal, the director for the committee seal) set their
 * own seal PINs, then the director cuts the first term's seals, whose keys are wrapped for them. The PINs are
 * printed once, like the demo password: the server cannot recover them. They are also handed back (by role) so
 * that later demo steps apply these seals as their custodians would, instead of issuing seals again. The seals are
 * cut on the first day of the demo's history (demo-trust.ts), so that its past notices can be sealed on their day.
 */
export async function loadDemoSeals(
  app: INestApplication,
  communityId: string,
  who: Record<string, string>,
): Promise<{ message: string; pins: DemoSealPins }> {
  const keys = app.get(SealKeysService);
  const lines: string[] = [];
  const pins = {} as DemoSealPins;
  for (const [role, label] of [
    ['residents_committee', '业主大会章保管人（居委会）'],
    ['committee_director', '业委会章保管人（业委会主任）'],
  ] as const) {
    const pin = String(randomInt(10_000_000, 100_000_000));
    await keys.setPin(who[role], communityId, pin);
    pins[role] = pin;
    lines.push(`  ${label} 用章密码 seal PIN: ${pin}`);
  }
  await atTime(app, await demoSealDay(app), () => app.get(SealsService).issue(who.committee_director, communityId, 1));
  return { message: `演示印章 demo seals (第一届) issued; custodians' seal PINs:\n${lines.join('\n')}`, pins };
}

/**
 * Publishing is the sealing: the two custodians apply both seals to a just-published notice, at the server's
 * (possibly moved) clock — call it inside the same back-dated step as the publication. False when this term's
 * seals did not yet exist at that time (only when the trust services were not prepared, as in a test app): the
 * notice then waits for its seals, as a real one would.
 */
export async function sealDemoNotice(
  app: INestApplication,
  communityId: string,
  voteId: string,
  who: Record<string, string>,
  pins: DemoSealPins,
  at: Date,
): Promise<boolean> {
  const [{ cut }] = await app
    .get(DataSource)
    .query<{ cut: boolean }[]>(`SELECT bool_and(not_before <= $2) AS cut FROM seals WHERE community_id = $1 AND status = 'active'`, [
      communityId,
      at,
    ]);
  if (!cut) return false;
  const { requestId } = await app.get(NoticeSealingService).request(who.committee_member, communityId, voteId);
  if (!requestId) throw new Error('demo: the published notice has no seal request');
  const requests = app.get(SealRequestsService);
  await requests.apply(who.committee_director, communityId, requestId, 'committee', pins.committee_director);
  await requests.apply(who.residents_committee, communityId, requestId, 'assembly', pins.residents_committee);
  return true;
}
