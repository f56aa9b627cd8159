import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('uses defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, databaseUrl: undefined, loginMaxFailures: 5, timeZone: 'Asia/Shanghai' });
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://x'],
    ['JWT_SECRET', 'short'],
    ['MASTER_KEY', 'xyz'],
    ['LOGIN_MAX_FAILURES', '0'],
    ['TZ_DEFAULT', 'Mars/Base'],
    ['LOG_LEVEL', 'chatty'],
  ])('names %s when it is bad (%s)', (variable, value) => {
    expect(() => loadConfig({ [variable]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [variable]: value })).toThrow(variable);
  });
});
