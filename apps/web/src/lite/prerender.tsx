/**
 * Build-time prerender of the light pages' first screen (issue 15): `npm run build:web` renders each path below to
 * HTML once, and the server sends that HTML in place of the empty shell. The phone then paints the page's real first
 * screen (the login form, the verify page's explanation, a page's frame) from the HTML alone, before any script
 * arrives; React's first render draws the same elements again, so the largest paint stays the early one.
 * /activate is not prerendered: its first render reads the activation code from the link's fragment, which
 * the server never sees. Only pages whose first render needs no data are complete here; the public page, a statement and the owner's
 * ballot page get their frame (the ballot page's inline script puts the real community in its link).
 */
import { renderToString } from 'react-dom/server';
import { StaticRouter } from 'react-router-dom';
import { LiteApp } from './LiteApp';

/** Name of the HTML file → a path that stands for it (ids do not change the first render). */
export const PRERENDERED: Record<string, string> = {
  login: '/login',
  verify: '/verify',
  'verify-number': '/verify/GY-0',
  public: '/p/0',
  ballot: '/c/0/my-votes/0',
};

/** The first render of `path` as the browser's first client render makes it (no stored account, normal text). */
export function render(path: string, signedIn: boolean): string {
  const store = new Map<string, string>(signedIn ? [['gongyi.token', 'prerender']] : []);
  const g = globalThis as Record<string, unknown>;
  g.localStorage = {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, v),
    removeItem: (k: string) => void store.delete(k),
  };
  g.window ??= { location: { hash: '', pathname: path, search: '' }, scrollTo: () => undefined };
  return renderToString(<LiteApp router={(routes) => <StaticRouter location={path}>{routes}</StaticRouter>} />);
}
