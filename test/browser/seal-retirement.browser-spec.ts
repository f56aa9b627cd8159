import type { Browser } from 'playwright-core';
import { launchChromium, newContext, screenshot } from '../support/browser-chromium';
import { adminToken, api, createCommunity, createPerson, unique, withDatabase, type Person } from './browser-api';
import { confirmDialog, openSignedIn } from './browser-ui';
import { ensureSeals } from './vote-fixtures';

/**
 * 停用印章: the director retires the committee seal from the seals page, with a reason; the seal shows as retired with
 * that reason, the decision record holds it, and a committee member (not the director) sees no retire button.
 */

let browser: Browser;
let communityId: string;
let director: Person;
let residents: Person;
let member: Person;

beforeAll(async () => {
  const admin = await adminToken();
  communityId = await createCommunity(admin, unique('印章小区'));
  director = await createPerson(admin, communityId, '陈主任', ['committee_director']);
  residents = await createPerson(admin, communityId, '居委会刘主任', ['residents_committee']);
  member = await createPerson(admin, communityId, '李委员', ['committee_member']);
  await ensureSeals(communityId, director, residents);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe('retiring a seal', () => {
  test('the director retires the committee seal with a reason', async () => {
    const page = await (await newContext(browser)).newPage();
    await openSignedIn(page, `/c/${communityId}/seals`, director.login, director.password);
    const seal = page.getByTestId('seal').filter({ hasText: '业委会章' });
    await seal.getByText('在用').waitFor();
    await seal.getByTestId('retire-seal-open').click();
    const submit = seal.getByTestId('retire-seal-submit');
    expect(await submit.isDisabled()).toBe(true);
    await seal.getByTestId('retire-seal-reason').fill('印章保管人离任且无法交接密钥');
    await submit.click();
    await confirmDialog(page);
    await seal.getByText('已停用').waitFor();
    await seal.getByText('印章保管人离任且无法交接密钥').waitFor();
    expect(await seal.getByTestId('retire-seal-open').count()).toBe(0);
    // The other seal is untouched.
    await page.getByTestId('seal').filter({ hasText: '业主大会章' }).getByText('在用').waitFor();
    await screenshot(page, 'desktop-seal-retired');
    const seals = await api<{ kind: string; status: string; retireReason: string | null }[]>('GET', `/communities/${communityId}/seals`, {
      token: director.token,
    });
    expect(seals.find((s) => s.kind === 'committee')).toMatchObject({ status: 'retired', retireReason: '印章保管人离任且无法交接密钥' });
    const rows = await withDatabase((db) =>
      db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM record_entries WHERE community_id = $1 AND action = 'seals.retired' AND actor_id = $2`,
        [communityId, director.userId],
      ),
    );
    expect(rows.rows[0].n).toBe(1);
  });

  test('a committee member who is not the director has no retire button', async () => {
    const page = await (await newContext(browser)).newPage();
    await openSignedIn(page, `/c/${communityId}/seals`, member.login, member.password);
    await page.getByTestId('seal').first().waitFor();
    expect(await page.getByTestId('retire-seal-open').count()).toBe(0);
  });
});
