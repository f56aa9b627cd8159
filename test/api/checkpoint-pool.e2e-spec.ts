import { RecordCheckpointsService } from '../../apps/api/src/documents/record-checkpoints.service';
import { createCommunity } from '../support/fixtures';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * A vote's close signs a record checkpoint inside its transaction, with the community's record head locked. When
 * many votes close together every pooled connection can be such a transaction (or waiting on that lock): signing
 * must then need no connection of its own. It used to read the root key on a second one, and the pool deadlocked
 * (the bench's 100 votes due together never closed).
 */
describe('signing a checkpoint with every pooled connection taken', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('completes inside its own transaction', async () => {
    const community = await createCommunity(t);
    const pool = (t.dataSource.options as { extra?: { max?: number } }).extra?.max ?? 10;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    // Every other connection of the pool busy in a transaction until the signing is done.
    const holders = Array.from({ length: pool - 1 }, () =>
      t.dataSource.transaction(async (m) => {
        await m.query('SELECT 1');
        await held;
      }),
    );
    const signing = t.dataSource.transaction((m) => t.app.get(RecordCheckpointsService).create(m, community));
    const outcome = await Promise.race([
      signing.then((c) => `signed ${c.communityId}`),
      new Promise<string>((resolve) => setTimeout(() => resolve('waited for a free connection'), 10_000)),
    ]);
    release();
    await Promise.all(holders);
    await signing;
    expect(outcome).toBe(`signed ${community}`);
  });
});
