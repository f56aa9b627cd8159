import { request } from './http';

export interface ChannelState {
  /** Configured on this server (SMTP_URL for e-mail). */
  available: boolean;
  driver: string;
  enabled: boolean;
  address: string | null;
}

export interface ChannelSettings {
  email: ChannelState;
  sms: ChannelState & { accountMobile: string | null };
  recent: { channel: 'email' | 'sms'; status: 'sent' | 'failed'; attempt: number; error: string | null; subject: string; at: string }[];
}

export interface ChannelSettingsInput {
  email: string | null;
  emailEnabled: boolean;
  mobile: string | null;
  smsEnabled: boolean;
}

export const channelSettingsApi = {
  get: () => request<ChannelSettings>('/me/notification-channels'),
  update: (body: ChannelSettingsInput) => request<ChannelSettings>('/me/notification-channels', { method: 'PUT', body, quiet: true }),
};
