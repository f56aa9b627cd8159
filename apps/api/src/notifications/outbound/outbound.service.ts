import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type RuntimeConfig } from '../../config/app-config';
import { JobsService } from '../../jobs/jobs.service';
import { type ChannelKind, NOTIFICATION_CHANNELS, type NotificationChannel } from './channel';

export const SEND_QUEUE = 'notification-send';
/** How often the outbox is looked at; a notice leaves at most this long after the action committed. */
const POLL_MS = 1000;
const CLAIM = 200;

interface Target {
  notificationId: string;
  userId: string;
  channel: ChannelKind;
}

/**
 * Outbound notices. Every notification row reaches `notification_outbox` by trigger, in the transaction of the
 * action that caused it. After commit this dispatcher claims outbox rows (SKIP LOCKED: any number of server
 * processes), finds who should hear (the person, or everyone holding the role today) and which channels each chose,
 * and queues one pg-boss job per person and channel. A send that fails is recorded and retried with backoff; the
 * action that caused it has long committed and never waits for a mail server.
 */
@Injectable()
export class OutboundService implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Outbound');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private readonly channels: Map<ChannelKind, NotificationChannel>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: RuntimeConfig,
    @Inject(NOTIFICATION_CHANNELS) channels: NotificationChannel[],
    private readonly jobs: JobsService,
  ) {
    this.channels = new Map(channels.map((c) => [c.kind, c]));
  }

  onModuleInit(): void {
    this.jobs.register(SEND_QUEUE, (data) => this.deliver(data as unknown as Target));
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.dispatch()
        .then(() => undefined)
        .catch((error: Error) => this.logger.warn(`outbox: ${error.message}`))
        .finally(() => (this.running = undefined));
    }, POLL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Claims a batch of the outbox and queues its sends; rolled back (and retried next tick) if queueing fails. */
  async dispatch(): Promise<number> {
    const usable = [...this.channels.values()].filter((c) => c.available).map((c) => c.kind);
    return this.dataSource.transaction(async (manager) => {
      const targets = await manager.query<Target[]>(
        `WITH claimed AS (
           DELETE FROM notification_outbox WHERE notification_id IN (
             SELECT notification_id FROM notification_outbox ORDER BY created_at LIMIT ${CLAIM} FOR UPDATE SKIP LOCKED)
           RETURNING notification_id)
         SELECT DISTINCT n.id AS "notificationId", r.user_id AS "userId", ch.channel
           FROM claimed c
           JOIN notifications n ON n.id = c.notification_id
           CROSS JOIN LATERAL (
             SELECT n.recipient_user_id AS user_id WHERE n.recipient_user_id IS NOT NULL
             UNION
             SELECT ra.user_id FROM role_assignments ra
              WHERE n.recipient_user_id IS NULL AND ra.community_id = n.community_id AND ra.role = n.recipient_role
                AND ra.starts_on <= (SELECT (now() AT TIME ZONE time_zone)::date FROM communities WHERE id = n.community_id)
                AND (ra.ends_on IS NULL OR ra.ends_on >= (SELECT (now() AT TIME ZONE time_zone)::date FROM communities WHERE id = n.community_id))
           ) r
           JOIN user_notification_channels s ON s.user_id = r.user_id
           JOIN users u ON u.id = r.user_id
           CROSS JOIN LATERAL (
             SELECT 'email' AS channel WHERE s.email_enabled AND s.email IS NOT NULL
             UNION ALL
             SELECT 'sms' WHERE s.sms_enabled AND coalesce(s.mobile, u.mobile) IS NOT NULL
           ) ch
          WHERE ch.channel = ANY($1::text[])`,
        [usable],
      );
      const { retryLimit, retryDelaySeconds } = this.config.outbound;
      for (const target of targets) {
        await this.jobs.enqueue(SEND_QUEUE, { ...target }, { retryLimit, retryDelay: retryDelaySeconds });
      }
      return targets.length;
    });
  }

  /** One send; each attempt is recorded. Throws on failure so pg-boss retries (until NOTIFY_RETRY_LIMIT). */
  async deliver({ notificationId, userId, channel }: Target): Promise<void> {
    const [row] = await this.dataSource.query<
      {
        communityId: string;
        subject: string;
        body: string;
        email: string | null;
        emailEnabled: boolean | null;
        mobile: string | null;
        smsEnabled: boolean | null;
        attempts: number;
        sent: boolean;
      }[]
    >(
      `SELECT n.community_id AS "communityId", n.subject, n.body, s.email, s.email_enabled AS "emailEnabled",
              coalesce(s.mobile, u.mobile) AS mobile, s.sms_enabled AS "smsEnabled",
              (SELECT count(*)::int FROM notification_deliveries d
                WHERE d.community_id = n.community_id AND d.notification_id = n.id AND d.user_id = u.id AND d.channel = $3) AS attempts,
              EXISTS (SELECT 1 FROM notification_deliveries d
                WHERE d.community_id = n.community_id AND d.notification_id = n.id AND d.user_id = u.id AND d.channel = $3
                  AND d.status = 'sent') AS sent
         FROM notifications n JOIN users u ON u.id = $2
         LEFT JOIN user_notification_channels s ON s.user_id = u.id
        WHERE n.id = $1`,
      [notificationId, userId, channel],
    );
    if (!row || row.sent) return;
    // Opted out (or removed the address) since it was queued: nothing to send.
    const to = channel === 'email' ? (row.emailEnabled ? row.email : null) : row.smsEnabled ? row.mobile : null;
    const sender = this.channels.get(channel);
    if (!to || !sender?.available) return;
    const record = (status: 'sent' | 'failed', error: string | null) =>
      this.dataSource.query(
        `INSERT INTO notification_deliveries (community_id, notification_id, user_id, channel, attempt, status, error)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [row.communityId, notificationId, userId, channel, row.attempts + 1, status, error],
      );
    try {
      await sender.send({ to, subject: row.subject, text: row.body, link: this.config.publicUrl });
    } catch (error) {
      const message = (error as Error).message.slice(0, 500);
      await record('failed', message);
      throw new Error(`${channel} to user ${userId}: ${message}`);
    }
    await record('sent', null);
  }
}
