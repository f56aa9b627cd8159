import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Invalid } from '../../common/app-error';
import { type ChannelKind, NOTIFICATION_CHANNELS, type NotificationChannel } from './channel';
import type { ChannelSettingsDto, UpdateChannelSettingsDto } from './channel-settings.dto';

/** Each person's own choice of outbound channels (opt-in; nothing goes out until they turn a channel on). */
@Injectable()
export class ChannelSettingsService {
  private readonly channels: Map<ChannelKind, NotificationChannel>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(NOTIFICATION_CHANNELS) channels: NotificationChannel[],
  ) {
    this.channels = new Map(channels.map((c) => [c.kind, c]));
  }

  async get(userId: string): Promise<ChannelSettingsDto> {
    const [row] = await this.dataSource.query<
      {
        email: string | null;
        emailEnabled: boolean | null;
        mobile: string | null;
        smsEnabled: boolean | null;
        accountMobile: string | null;
      }[]
    >(
      `SELECT s.email, s.email_enabled AS "emailEnabled", s.mobile, s.sms_enabled AS "smsEnabled", u.mobile AS "accountMobile"
         FROM users u LEFT JOIN user_notification_channels s ON s.user_id = u.id WHERE u.id = $1`,
      [userId],
    );
    const recent = await this.dataSource.query<ChannelSettingsDto['recent']>(
      `SELECT d.channel, d.status, d.attempt, d.error, n.subject, d.created_at AS at
         FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id
        WHERE d.user_id = $1 ORDER BY d.created_at DESC LIMIT 20`,
      [userId],
    );
    const email = this.channels.get('email')!;
    const sms = this.channels.get('sms')!;
    return {
      email: { available: email.available, driver: email.driver, enabled: Boolean(row?.emailEnabled), address: row?.email ?? null },
      sms: {
        available: sms.available,
        driver: sms.driver,
        enabled: Boolean(row?.smsEnabled),
        address: row?.mobile ?? null,
        accountMobile: row?.accountMobile ?? null,
      },
      recent,
    };
  }

  async update(userId: string, body: UpdateChannelSettingsDto): Promise<ChannelSettingsDto> {
    const current = await this.get(userId);
    const email = body.email === undefined ? current.email.address : body.email;
    const mobile = body.mobile === undefined ? current.sms.address : body.mobile;
    if (body.emailEnabled && !this.channels.get('email')!.available) {
      throw new Invalid('本服务器未配置邮件发送（SMTP_URL），暂不能开启邮件通知', 'channel_unavailable');
    }
    if (body.emailEnabled && !email) throw new Invalid('开启邮件通知需要填写电子邮箱', 'channel_address_missing');
    if (body.smsEnabled && !mobile && !current.sms.accountMobile) {
      throw new Invalid('开启短信通知需要填写手机号（账号未登记手机号）', 'channel_address_missing');
    }
    await this.dataSource.query(
      `INSERT INTO user_notification_channels (user_id, email, email_enabled, mobile, sms_enabled, updated_at)
       VALUES ($1, $2, $3, $4, $5, now())
       ON CONFLICT (user_id) DO UPDATE SET email = EXCLUDED.email, email_enabled = EXCLUDED.email_enabled,
         mobile = EXCLUDED.mobile, sms_enabled = EXCLUDED.sms_enabled, updated_at = now()`,
      [userId, email, body.emailEnabled, mobile, body.smsEnabled],
    );
    return this.get(userId);
  }
}
