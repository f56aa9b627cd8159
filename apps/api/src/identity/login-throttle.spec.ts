import { MAX_SLOWDOWN_MS, slowdownMs } from './login-throttle.service';

describe('login slow-down per identifier', () => {
  it.each([
    [1, 0],
    [2, 500],
    [3, 1000],
    [4, 2000],
    [5, 4000],
    [6, MAX_SLOWDOWN_MS],
    [1000, MAX_SLOWDOWN_MS],
  ])('after %i failures waits %i ms (base 500)', (failures, ms) => expect(slowdownMs(failures, 500)).toBe(ms));
  it('never waits when the base is 0', () => expect(slowdownMs(10, 0)).toBe(0));
});
