import { Clock } from '../../apps/api/src/common/clock';

/** A clock the test can move: real time plus an offset, or pinned. */
export class TestClock extends Clock {
  private offsetMs = 0;

  override now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Pretend it is `at` now (time keeps running from there). */
  travelTo(at: Date): void {
    this.offsetMs = at.getTime() - Date.now();
  }

  reset(): void {
    this.offsetMs = 0;
  }
}
