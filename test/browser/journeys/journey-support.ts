import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { screenshot } from '../../support/browser-chromium';
import { signIn, waitPastLogin } from '../browser-ui';

// axe-core's browser build, injected into each page checked (no extra Playwright package needed).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AXE_SOURCE: string = require('axe-core').source;

export const JOURNEY_DIR = join(process.cwd(), 'test-output', 'journeys');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Serious and critical WCAG 2.x A/AA violations on the page as it is now. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol, so the app's Content-Security-Policy (script-src 'self') allows it.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target })),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Sideways scroll of the page in CSS pixels (0 when it fits the viewport). */
export async function sidewaysScroll(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/**
 * What sticks out of the content area on the right. The content box clips sideways overflow (styles.css
 * `.gy-content { overflow-x: clip }`), so a too-wide element there makes no scroll bar: it is cut off instead. An
 * element inside its own scrolling box (a wide table) is fine; the outermost cut-off elements are returned.
 */
export async function clipped(p: Page): Promise<string[]> {
  return p.evaluate(() => {
    const content = document.querySelector('.gy-content');
    if (!content) return [];
    const edge = content.getBoundingClientRect().right + 1;
    const scrollsOrClips = (el: Element) => /auto|scroll|hidden|clip/.test(getComputedStyle(el).overflowX);
    const out: string[] = [];
    const walk = (el: Element) => {
      for (const child of el.children) {
        const style = getComputedStyle(child);
        if (style.display === 'none' || style.visibility === 'hidden' || style.position === 'fixed') continue;
        const rect = child.getBoundingClientRect();
        if (rect.width > 0 && rect.right > edge) {
          const name = `${child.tagName.toLowerCase()}${child.getAttribute('data-testid') ? `[data-testid=${child.getAttribute('data-testid')}]` : ''}.${[...child.classList].slice(0, 2).join('.')}`;
          out.push(`${name} "${(child.textContent ?? '').trim().slice(0, 30)}" right=${Math.round(rect.right)} > ${Math.round(edge)}`);
          continue;
        }
        if (!scrollsOrClips(child)) walk(child);
      }
    };
    walk(content);
    return out.slice(0, 3);
  });
}

/**
 * One step of a journey: the page has settled, it passes axe (0 serious/critical), does not scroll sideways and
 * nothing in the content area is cut off on the right (`clipped`); a screenshot is kept as
 * test-output/journeys/<role>-<nn>-<step>.png.
 */
export async function step(page: Page, role: string, name: string): Promise<void> {
  mkdirSync(JOURNEY_DIR, { recursive: true });
  await screenshot(page, `../journeys/${role}-${name}`);
  const violations = await axeViolations(page);
  expect(violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
  expect(await clipped(page)).toEqual([]);
}

/** From the login page: sign in, then open 我的待办 from the header badge, which must show at least one task. */
export async function loginToTodo(
  page: Page,
  communityId: string,
  login: string,
  password: string,
  role: string,
  landing = 'overview',
): Promise<void> {
  await page.goto('/login');
  await step(page, role, '01-login');
  await signIn(page, login, password);
  await waitPastLogin(page);
  if (!page.url().includes(`/c/${communityId}/`)) await page.goto(`/c/${communityId}/${landing}`);
  const badge = page.getByTestId('header-todo');
  await badge.locator('.ant-badge-count').waitFor();
  expect(Number((await badge.locator('.ant-badge-count').getAttribute('title')) ?? '0')).toBeGreaterThan(0);
  await badge.click();
  await page.waitForURL(`**/c/${communityId}/todo`);
  await page.getByTestId('todo-item').first().waitFor();
  await step(page, role, '02-todo');
}
