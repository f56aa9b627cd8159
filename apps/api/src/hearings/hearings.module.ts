import { NotificationsModule } from '../notifications/notifications.module';
import { Module } from '@nestjs/common';
import { AgendaModule } from '../agenda/agenda.module';
import { DocumentsModule } from '../documents/documents.module';
import { IdentityModule } from '../identity/identity.module';
import { RecordModule } from '../record/record.module';
import { RegistryModule } from '../registry/registry.module';
import { RulebookModule } from '../rulebook/rulebook.module';
import { VotingModule } from '../voting/voting.module';
import { BidSeal } from './bid-seal';
import { BidsService } from './bids.service';
import { HearingBidsController } from './hearing-bids.controller';
import { HearingMotionService } from './hearing-motion.service';
import { HearingResultService } from './hearing-result.service';
import { HearingViews } from './hearing-views';
import { HearingsController } from './hearings.controller';
import { HearingsService } from './hearings.service';
import { ScoringService } from './scoring.service';

@Module({
  imports: [NotificationsModule, AgendaModule, DocumentsModule, IdentityModule, RecordModule, RegistryModule, RulebookModule, VotingModule],
  controllers: [HearingsController, HearingBidsController],
  providers: [BidSeal, BidsService, HearingsService, HearingViews, HearingMotionService, HearingResultService, ScoringService],
})
export class HearingsModule {}
