import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('uses defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, databaseUrl: undefined, loginMaxFailures: 5, timeZone: 'Asia/Shanghai' });
    expect(config).toMatchObject({ host: '0.0.0.0', logFormat: 'plain', metricsToken: undefined });
  });

  it('reads the bind address, the log format and the metrics token', () => {
    const config = loadConfig({ HOST: '127.0.0.1', LOG_FORMAT: 'json', METRICS_TOKEN: 'scrape-token-0123456789' });
    expect(config).toMatchObject({ host: '127.0.0.1', logFormat: 'json', metricsToken: 'scrape-token-0123456789' });
    expect(loadConfig({ HOST: '::' }).host).toBe('::');
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
    ['LOG_FORMAT', 'xml'],
    ['METRICS_TOKEN', 'short'],
    ['HOST', 'http://0.0.0.0:3000'],
    ['TSA_URL', 'ftp://tsa.example.cn'],
  ])('names %s when it is bad (%s)', (variable, value) => {
    expect(() => loadConfig({ [variable]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [variable]: value })).toThrow(variable);
  });

  it('an external TSA needs the CA file its tokens are checked against', () => {
    expect(() => loadConfig({ TSA_URL: 'https://tsa.example.cn/tsr' })).toThrow('TSA_CA_FILE');
    expect(loadConfig({ TSA_URL: 'https://tsa.example.cn/tsr', TSA_CA_FILE: '/etc/gongyi/tsa-root.pem' })).toMatchObject({
      tsaUrl: 'https://tsa.example.cn/tsr',
      tsaCaFile: '/etc/gongyi/tsa-root.pem',
    });
  });
});
