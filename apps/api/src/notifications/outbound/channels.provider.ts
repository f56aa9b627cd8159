import type { Provider } from '@nestjs/common';
import { APP_CONFIG, type RuntimeConfig } from '../../config/app-config';
import { NOTIFICATION_CHANNELS, type NotificationChannel } from './channel';
import { EmailChannel } from './email-channel';
import { ConsoleSmsDriver, HttpSmsDriver, SmsChannel } from './sms-channel';

/** The channels this server has, from its configuration: SMTP when SMTP_URL is set; SMS by HTTP or to the log. */
export const channelsProvider: Provider = {
  provide: NOTIFICATION_CHANNELS,
  inject: [APP_CONFIG],
  useFactory: (config: RuntimeConfig): NotificationChannel[] => {
    const { smtpUrl, smtpFrom, smsProviderUrl, smsToken } = config.outbound;
    const sms = smsProviderUrl ? new HttpSmsDriver(smsProviderUrl, smsToken!) : new ConsoleSmsDriver();
    return [new EmailChannel(smtpUrl, smtpFrom), new SmsChannel(sms)];
  },
};
