/**
 * Responses the prerendered page's inline script started before any of our scripts arrived (apps/web/prerender-lite.mjs:
 * the owner's ballot sheet, which needs the stored token and so cannot be a preload Link). The first GET of exactly
 * that URL takes the response already under way instead of asking again; every other request is untouched.
 */
export function installEarlyResponses(): void {
  if (typeof window === 'undefined') return;
  const w = window as Window & { __gyEarly?: Record<string, Promise<Response> | undefined> };
  const early = w.__gyEarly;
  if (!early || Object.keys(early).length === 0) return;
  const original = window.fetch.bind(window);
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const key = typeof input === 'string' ? input : undefined;
    const started = key !== undefined && (init?.method ?? 'GET') === 'GET' ? early[key] : undefined;
    if (!started || !key) return original(input, init);
    delete early[key];
    // A network failure of the early request is retried the ordinary way.
    return started.catch(() => original(input, init));
  };
}
