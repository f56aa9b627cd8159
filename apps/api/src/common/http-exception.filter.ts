import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { DomainError } from '@gongyi/domain/errors';
import { randomUUID } from 'node:crypto';
import type { Response } from 'express';
import { QueryFailedError } from 'typeorm';

const KIND_STATUS = { invalid: 400, forbidden: 403, not_found: 404, conflict: 409 } as const;

// PostgreSQL SQLSTATEs that mean the client sent something unacceptable, not that we failed.
const PG_CLIENT_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  '23505': { status: 409, code: 'unique_violation', message: '记录已存在 (already exists)' },
  '23503': { status: 409, code: 'reference_violation', message: '引用的记录不存在或仍被引用 (referenced record missing or in use)' },
  '23514': { status: 400, code: 'check_violation', message: '数据不符合约束 (value violates a rule)' },
  '22P02': { status: 400, code: 'invalid_value', message: '数据格式错误 (malformed value)' },
  '22003': { status: 400, code: 'out_of_range', message: '数值超出范围 (number out of range)' },
  '22007': { status: 400, code: 'invalid_date', message: '日期格式错误 (malformed date)' },
  '22008': { status: 400, code: 'invalid_date', message: '日期超出范围 (date out of range)' },
  '22001': { status: 400, code: 'value_too_long', message: '文本过长 (text too long)' },
};

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: unknown;
  errorId?: string;
}

/** One shape for every error: {statusCode, code, message}; internals never reach the client. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (response.headersSent) return;
    // A file route may already have set its own Content-Type / -Disposition; an error is JSON.
    response.removeHeader('Content-Disposition');
    response.removeHeader('ETag');
    response.setHeader('Content-Type', 'application/json; charset=utf-8');
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof DomainError) {
      return { statusCode: KIND_STATUS[exception.kind], code: exception.code, message: exception.message, details: exception.details };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const raw = exception.getResponse();
      const obj = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
      const message = Array.isArray(obj.message) ? obj.message.join('; ') : String(obj.message ?? exception.message);
      const code = typeof obj.code === 'string' ? obj.code : defaultCode(status);
      return { statusCode: status, code, message, details: obj.details };
    }
    if (exception instanceof QueryFailedError) {
      const sqlState = (exception as QueryFailedError & { code?: string }).code;
      const known = sqlState ? PG_CLIENT_ERRORS[sqlState] : undefined;
      if (known) return { statusCode: known.status, code: known.code, message: known.message };
    }
    const errorId = randomUUID();
    this.logger.error(`[${errorId}] ${(exception as Error)?.stack ?? String(exception)}`);
    return { statusCode: 500, code: 'internal_error', message: `服务器内部错误 internal error (id ${errorId})`, errorId };
  }
}

function defaultCode(status: number): string {
  switch (status) {
    case HttpStatus.BAD_REQUEST:
      return 'bad_request';
    case HttpStatus.UNAUTHORIZED:
      return 'unauthorized';
    case HttpStatus.FORBIDDEN:
      return 'forbidden';
    case HttpStatus.NOT_FOUND:
      return 'not_found';
    case HttpStatus.CONFLICT:
      return 'conflict';
    case HttpStatus.PAYLOAD_TOO_LARGE:
      return 'payload_too_large';
    case HttpStatus.TOO_MANY_REQUESTS:
      return 'too_many_requests';
    default:
      return status >= 500 ? 'internal_error' : 'error';
  }
}
