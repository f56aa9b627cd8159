import { Module } from '@nestjs/common';
import { VotingModule } from '../voting/voting.module';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';

@Module({ imports: [VotingModule], controllers: [ExportsController], providers: [ExportsService] })
export class ExportsModule {}
