import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { ConsoleSmsDriver, HttpSmsDriver, SmsChannel } from './sms-channel';

describe('SMS channel', () => {
  let server: Server;
  let base: string;
  let answer = 200;
  const seen: { headers: IncomingMessage['headers']; method?: string; body: string }[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        seen.push({ headers: req.headers, method: req.method, body });
        res.statusCode = answer;
        res.end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('posts the documented request to the provider with the bearer token', async () => {
    const channel = new SmsChannel(new HttpSmsDriver(base, 'token-123'));
    expect(channel.driver).toBe('http');
    await channel.send({ to: '13800001111', subject: '用章申请：报表', text: '请办理', link: 'https://gongyi.example.cn' });
    const last = seen[seen.length - 1];
    expect(last.method).toBe('POST');
    expect(last.headers.authorization).toBe('Bearer token-123');
    expect(last.headers['content-type']).toContain('application/json');
    expect(JSON.parse(last.body)).toEqual({
      to: '13800001111',
      text: '【共议】用章申请：报表：请办理 https://gongyi.example.cn',
      sender: '共议',
    });
  });

  it('fails the attempt when the provider does not accept it (so the job is retried)', async () => {
    answer = 503;
    await expect(new HttpSmsDriver(base, 't').send('13800001111', 'x')).rejects.toThrow('503');
    answer = 200;
  });

  it('the console driver keeps what it would have sent', async () => {
    const driver = new ConsoleSmsDriver();
    await new SmsChannel(driver).send({ to: '13800001111', subject: '议题', text: '已到环节', link: 'http://x' });
    expect(driver.sent).toEqual([{ to: '13800001111', text: '【共议】议题：已到环节 http://x' }]);
  });
});
