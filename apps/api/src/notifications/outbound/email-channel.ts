import { createTransport, type Transporter } from 'nodemailer';
import type { NotificationChannel, OutboundMessage } from './channel';

/** E-mail through any SMTP server (SMTP_URL, e.g. smtp://user:pass@mail.example.cn:587), via nodemailer. */
export class EmailChannel implements NotificationChannel {
  readonly kind = 'email' as const;
  readonly driver = 'smtp';
  private transport?: Transporter;

  constructor(
    private readonly url: string | undefined,
    private readonly from: string,
  ) {}

  get available(): boolean {
    return Boolean(this.url);
  }

  async send(message: OutboundMessage): Promise<void> {
    if (!this.url) throw new Error('SMTP_URL is not set');
    // Short timeouts: a dead mail server fails the attempt quickly and pg-boss retries it later.
    this.transport ??= createTransport(this.url, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 } as never);
    await this.transport.sendMail({
      from: this.from,
      to: message.to,
      subject: `【共议】${message.subject}`,
      text: `${message.text}\n\n请登录共议查看并办理：${message.link}\n（您在「通知设置」中开启了邮件通知，可随时关闭。）`,
    });
  }
}
