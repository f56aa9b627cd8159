import { Module } from '@nestjs/common';
import { AgendaModule } from '../agenda/agenda.module';
import { DocumentsModule } from '../documents/documents.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { RecordModule } from '../record/record.module';
import { SealsModule } from '../seals/seals.module';
import { VotingModule } from '../voting/voting.module';
import { NoticeSealingController } from './notice-sealing.controller';
import { NoticeSealingService } from './notice-sealing.service';
import { VoteObjectionsController } from './vote-objections.controller';
import { VoteObjectionsService } from './vote-objections.service';

/** 询异 and the final result announcement: after voting (closed votes), across documents and seals; and the
 * notice's seal request, made by publishing. */
@Module({
  imports: [DocumentsModule, SealsModule, NotificationsModule, RecordModule, AgendaModule, VotingModule],
  controllers: [VoteObjectionsController, NoticeSealingController],
  providers: [VoteObjectionsService, NoticeSealingService],
})
export class VoteResultsModule {}
