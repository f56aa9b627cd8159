/** Where a notice can go besides the in-app inbox. */
export type ChannelKind = 'email' | 'sms';
export const CHANNEL_KINDS: readonly ChannelKind[] = ['email', 'sms'];

export interface OutboundMessage {
  /** An e-mail address or a mobile number, per channel. */
  to: string;
  /** The notification's own subject and body; each channel adds its framing (【共议】, a footer). */
  subject: string;
  text: string;
  /** Where to act on it: the server's PUBLIC_URL. */
  link: string;
}

/**
 * One way out. `send` resolves once the provider accepted the message and throws otherwise; the caller (a pg-boss
 * job) records the attempt and lets pg-boss retry with backoff. A channel never runs inside a user's transaction.
 */
export interface NotificationChannel {
  readonly kind: ChannelKind;
  /** Configured on this server (SMTP_URL set…); people may opt in only to available channels. */
  readonly available: boolean;
  /** Which implementation, for the settings page and the log ("smtp", "console", "http"). */
  readonly driver: string;
  send(message: OutboundMessage): Promise<void>;
}

export const NOTIFICATION_CHANNELS = Symbol('NOTIFICATION_CHANNELS');
