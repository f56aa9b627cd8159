import type { Browser } from 'playwright-core';
import { launchChromium, newContext, PHONE, screenshot } from '../support/browser-chromium';
import {
  adminToken,
  api,
  createCommunity,
  createPerson,
  FIXTURE_ADMIN,
  FIXTURE_ADMIN_PASSWORD,
  TEST_PASSWORD,
  unique,
  type Person,
} from './browser-api';
import { confirmDialog, expectText, openSignedIn, pick } from './browser-ui';

/**
 * Issue 10 §6 from the seats: once a residents'-committee holder is in office, the platform admin's 授予角色 is a
 * request; the residents' committee finds it on 我的待办 (on a phone), checks it and confirms it on 角色管理, and only
 * then does the person hold the role.
 */

let browser: Browser;
let communityId: string;
let residents: Person;
const memberLogin = unique('qian.weiyuan').toLowerCase();

beforeAll(async () => {
  const admin = await adminToken();
  communityId = await createCommunity(admin, unique('授权小区'));
  // The first appointment: nobody yet to check the admin.
  residents = await createPerson(admin, communityId, '居委会周主任', ['residents_committee']);
  await api('POST', '/users', { body: { loginName: memberLogin, displayName: '钱委员', password: TEST_PASSWORD } });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe('a role grant the residents committee confirms', () => {
  test('the admin asks for the grant; it waits for the residents committee', async () => {
    const page = await (await newContext(browser)).newPage();
    await openSignedIn(page, `/c/${communityId}/roles`, FIXTURE_ADMIN, FIXTURE_ADMIN_PASSWORD);
    await page.getByTestId('grant-role-button').click();
    const dialog = page.getByRole('dialog', { name: '授予角色' });
    await dialog.getByTestId('grant-needs-confirmation').waitFor();
    const account = dialog.getByTestId('grant-user');
    await account.click();
    await page.keyboard.type(memberLogin);
    await pick(page, account, '钱委员');
    await account.getByText('钱委员').first().waitFor();
    await pick(page, dialog.getByTestId('grant-role'), '业委会委员');
    await dialog.getByRole('button', { name: '提交居委会确认' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const request = page.getByTestId('role-request').filter({ hasText: '钱委员：业委会委员' });
    await expectText(request.getByTestId('role-request-status'), '待居委会确认');
    // The admin has no button to confirm its own request, and the person holds no role yet.
    expect(await request.getByTestId('confirm-role-request').count()).toBe(0);
    expect(await page.getByTestId('roles-table').getByText('钱委员').count()).toBe(0);
    await screenshot(page, 'desktop-60-role-request-pending');
  });

  test('the residents committee finds it on 我的待办 on a phone and confirms it', async () => {
    const page = await (await newContext(browser, PHONE)).newPage();
    await openSignedIn(page, `/c/${communityId}/todo`, residents.login, residents.password);
    await page
      .getByTestId('todo-item')
      .filter({ hasText: '角色授予待确认：钱委员（业委会委员）' })
      .getByRole('button', { name: '去办理' })
      .click();
    await page.getByRole('heading', { name: '角色管理' }).waitFor();
    const request = page.getByTestId('role-request').filter({ hasText: '钱委员：业委会委员' });
    await request.getByTestId('confirm-role-request').click();
    await confirmDialog(page);
    await expectText(request.getByTestId('role-request-status'), '已确认生效');
    await page.getByTestId('roles-table').getByText('钱委员').first().waitFor();
    await screenshot(page, 'phone-60-role-request-confirmed');
    // The member now holds the role: the committee's pages answer.
    const member = await api<{ token: string }>('POST', '/auth/login', { body: { login: memberLogin, password: TEST_PASSWORD } });
    const units = await api<{ items: unknown[] }>('GET', `/communities/${communityId}/units?pageSize=1`, { token: member.token });
    expect(units.items).toEqual([]);
  });
});
