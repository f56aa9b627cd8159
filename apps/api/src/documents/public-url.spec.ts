import { publicUrlWarning } from './public-url';

describe('PUBLIC_URL warning at start', () => {
  it.each([
    ['http://localhost:3000', 'production', true],
    ['http://127.0.0.1:3000', undefined, true],
    ['http://localhost:3000', 'development', false],
    ['http://localhost:3000', 'test', false],
    ['https://gongyi.example.cn', 'production', false],
  ])('%s with NODE_ENV=%s warns: %s', (url, env, warns) => {
    const warning = publicUrlWarning(url, env);
    expect(warning !== null).toBe(warns);
    if (warning) expect(warning).toContain('二维码');
  });
});
