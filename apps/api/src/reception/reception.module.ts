import { Module } from '@nestjs/common';
import { RecordModule } from '../record/record.module';
import { RequestsModule } from '../requests/requests.module';
import { ReceptionController } from './reception.controller';
import { ReceptionService } from './reception.service';

@Module({
  imports: [RecordModule, RequestsModule],
  controllers: [ReceptionController],
  providers: [ReceptionService],
})
export class ReceptionModule {}
