import { Injectable } from '@nestjs/common';

/**
 * The one source of "now" for rules that depend on dates (notice periods,
 * voting windows). Tests replace it to move through a 15-day notice period.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
