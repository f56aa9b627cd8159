/** Stops the server started by browser-global-setup.ts and removes its data. */
export default async function browserGlobalTeardown(): Promise<void> {
  await globalThis.__GONGYI_BROWSER_TEARDOWN__?.();
  globalThis.__GONGYI_BROWSER_TEARDOWN__ = undefined;
}
