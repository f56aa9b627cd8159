export default async function globalTeardown(): Promise<void> {
  await globalThis.__GONGYI_TEST_TEARDOWN__?.();
}
