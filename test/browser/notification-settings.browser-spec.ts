import type { Browser, Page } from 'playwright-core';
import { launchChromium, newContext, PHONE, screenshot } from '../support/browser-chromium';
import { adminToken, api, createCommunity, createPerson, unique, type Person } from './browser-api';
import { horizontalOverflow, openSignedIn } from './browser-ui';

/**
 * A committee member turns on SMS notices under 通知设置 (this server has no SMTP_URL, so e-mail cannot be turned
 * on and the page says why); the choice is kept, and a wrong number is refused with the reason.
 */
let browser: Browser;
let page: Page;
let member: Person;

beforeAll(async () => {
  const admin = await adminToken();
  const community = await createCommunity(admin, unique('通知设置小区'));
  member = await createPerson(admin, community, '孙委员', ['committee_member']);
  browser = await launchChromium();
  page = await (await newContext(browser, PHONE)).newPage();
});

afterAll(async () => {
  await browser?.close();
});

describe('notification settings', () => {
  test('refuses a wrong number and keeps an SMS opt-in; e-mail cannot be turned on without SMTP', async () => {
    await openSignedIn(page, '/notification-settings', member.login, member.password);
    await page.getByRole('heading', { name: '通知设置' }).waitFor();
    await page.getByText('本服务器尚未配置邮件发送').waitFor();
    expect(await page.getByRole('switch', { name: '用邮件接收待办通知' }).isDisabled()).toBe(true);
    await page.getByRole('switch', { name: '用短信接收待办通知' }).click();
    await page.getByLabel('手机号').fill('12345');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('手机号应为 11 位数字，以 1 开头').waitFor();
    await page.getByLabel('手机号').fill('13900002222');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('通知方式已保存').waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'phone-30-notification-settings');

    await page.reload();
    await page.getByRole('heading', { name: '通知设置' }).waitFor();
    expect(await page.getByRole('switch', { name: '用短信接收待办通知' }).getAttribute('aria-checked')).toBe('true');
    expect(await page.getByLabel('手机号').inputValue()).toBe('13900002222');
    const saved = await api<{ sms: { enabled: boolean; address: string } }>('GET', '/me/notification-channels', { token: member.token });
    expect(saved.sms).toMatchObject({ enabled: true, address: '13900002222' });
  });
});
