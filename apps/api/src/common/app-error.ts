import { DomainError } from '@gongyi/domain/errors';

/** Errors raised by services; the exception filter turns them into JSON with a stable code. */
export class NotFound extends DomainError {
  constructor(what: string, code = 'not_found') {
    super('not_found', code, `${what}不存在 (${what} not found)`);
  }
}

export class Forbidden extends DomainError {
  constructor(message: string, code = 'forbidden') {
    super('forbidden', code, message);
  }
}

export class Conflict extends DomainError {
  constructor(message: string, code = 'conflict', details?: unknown) {
    super('conflict', code, message, details);
  }
}

export class Invalid extends DomainError {
  constructor(message: string, code = 'invalid', details?: unknown) {
    super('invalid', code, message, details);
  }
}
