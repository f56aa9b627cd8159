/** 通知方式 (generated from apps/api/src/notifications/outbound/channel-settings.dto.ts). */
import { call, client } from './http';
import type { components } from './generated/schema';

type S = components['schemas'];

export type ChannelState = S['ChannelStateDto'];
export type ChannelSettings = S['ChannelSettingsDto'];
export type ChannelSettingsInput = S['UpdateChannelSettingsDto'];

export const channelSettingsApi = {
  get: () => call(client.GET('/api/me/notification-channels')),
  update: (body: ChannelSettingsInput) => call(client.PUT('/api/me/notification-channels', { body }), { quiet: true }),
};
