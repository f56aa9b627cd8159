import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { PublicNoticesController } from './public-notices.controller';
import { PublicNoticesService } from './public-notices.service';

@Module({ imports: [DocumentsModule], controllers: [PublicNoticesController], providers: [PublicNoticesService] })
export class PublicNoticesModule {}
