import { Module } from '@nestjs/common';
import { LettersModule } from '../letters/letters.module';
import { TodoController } from './todo.controller';
import { TodoService } from './todo.service';

@Module({ imports: [LettersModule], controllers: [TodoController], providers: [TodoService] })
export class TodoModule {}
