import { Module } from '@nestjs/common';
import { AgendaModule } from '../agenda/agenda.module';
import { JobsModule } from '../jobs/jobs.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { RecordModule } from '../record/record.module';
import { RegistryModule } from '../registry/registry.module';
import { RulebookModule } from '../rulebook/rulebook.module';
import { BallotsService } from './ballots.service';
import { BallotSeal } from './ballot-seal';
import { CastBatcher } from './cast-batcher';
import { VoteClosingService } from './vote-closing.service';
import { VoteNoticeService } from './vote-notice.service';
import { VoteResultsService } from './vote-results.service';
import { VotingController } from './voting.controller';
import { ProxiesController } from './proxies.controller';
import { ProxiesService } from './proxies.service';

@Module({
  imports: [AgendaModule, JobsModule, NotificationsModule, RecordModule, RegistryModule, RulebookModule],
  controllers: [VotingController, ProxiesController],
  providers: [VoteNoticeService, BallotsService, CastBatcher, VoteClosingService, VoteResultsService, ProxiesService, BallotSeal],
  exports: [VoteNoticeService, VoteResultsService],
})
export class VotingModule {}
