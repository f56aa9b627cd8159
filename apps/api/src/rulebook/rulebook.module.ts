import { Module } from '@nestjs/common';
import { RecordModule } from '../record/record.module';
import { RulebookController } from './rulebook.controller';
import { RulebookService } from './rulebook.service';

@Module({ imports: [RecordModule], controllers: [RulebookController], providers: [RulebookService], exports: [RulebookService] })
export class RulebookModule {}
