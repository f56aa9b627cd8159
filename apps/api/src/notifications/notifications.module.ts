import { Module } from '@nestjs/common';
import { JobsModule } from '../jobs/jobs.module';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { ChannelSettingsController } from './outbound/channel-settings.controller';
import { ChannelSettingsService } from './outbound/channel-settings.service';
import { channelsProvider } from './outbound/channels.provider';
import { OutboundService } from './outbound/outbound.service';
import { WorkNotices } from './work-notices';

@Module({
  imports: [JobsModule],
  controllers: [NotificationsController, ChannelSettingsController],
  providers: [NotificationsService, WorkNotices, channelsProvider, OutboundService, ChannelSettingsService],
  exports: [NotificationsService, WorkNotices],
})
export class NotificationsModule {}
