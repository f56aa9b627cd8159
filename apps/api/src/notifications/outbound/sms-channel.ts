import { Logger } from '@nestjs/common';
import type { NotificationChannel, OutboundMessage } from './channel';

/** Sends one text message; throws when the provider did not accept it. */
export interface SmsDriver {
  readonly name: string;
  send(to: string, text: string): Promise<void>;
}

/** Development and trial installs: the message goes to the server log (number masked), nowhere else. */
export class ConsoleSmsDriver implements SmsDriver {
  readonly name = 'console';
  private readonly logger = new Logger('SMS');
  readonly sent: { to: string; text: string }[] = [];

  async send(to: string, text: string): Promise<void> {
    this.sent.push({ to, text });
    this.logger.log(`短信 SMS to ${to.slice(0, 3)}****${to.slice(-4)}: ${text}`);
  }
}

/**
 * Any SMS gateway reachable over HTTP (SMS_PROVIDER_URL, SMS_TOKEN). The request, for a small adapter in front of
 * a commercial provider (阿里云、腾讯云…):
 *   POST <SMS_PROVIDER_URL>
 *   Authorization: Bearer <SMS_TOKEN>
 *   Content-Type: application/json
 *   {"to": "13800001111", "text": "【共议】…", "sender": "共议"}
 * Any 2xx answer means accepted; anything else (or no answer in 10 s) fails the attempt, which is retried.
 */
export class HttpSmsDriver implements SmsDriver {
  readonly name = 'http';

  constructor(
    private readonly url: string,
    private readonly token: string,
  ) {}

  async send(to: string, text: string): Promise<void> {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: { Authorization: `Bearer ${this.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ to, text, sender: '共议' }),
      signal: AbortSignal.timeout(10_000),
    });
    if (!res.ok) throw new Error(`SMS provider answered ${res.status}`);
  }
}

export class SmsChannel implements NotificationChannel {
  readonly kind = 'sms' as const;
  readonly available = true;

  constructor(readonly smsDriver: SmsDriver) {}

  get driver(): string {
    return this.smsDriver.name;
  }

  async send(message: OutboundMessage): Promise<void> {
    // A text message has no subject line: the subject leads, as 【共议】subject：text link.
    await this.smsDriver.send(message.to, `【共议】${message.subject}：${message.text} ${message.link}`.slice(0, 300));
  }
}
