import type { INestApplication } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { SealKeysService } from '../apps/api/src/seals/seal-keys.service';
import { SealsService } from '../apps/api/src/seals/seals.service';

/** The seal PIN each default custodian set, by the role that holds it (the demo applies seals with them). */
export type DemoSealPins = Record<'residents_committee' | 'committee_director', string>;

/**
 * Demo seals: the default custodians (居委会 for the assembly seal, the director for the committee seal) set their
 * own seal PINs, then the director cuts the first term's seals, whose keys are wrapped for them. The PINs are
 * printed once, like the demo password: the server cannot recover them. They are also handed back (by role) so
 * that later demo steps apply these seals as their custodians would, instead of issuing seals again.
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
  await app.get(SealsService).issue(who.committee_director, communityId, 1);
  return { message: `演示印章 demo seals (第一届) issued; custodians' seal PINs:\n${lines.join('\n')}`, pins };
}
