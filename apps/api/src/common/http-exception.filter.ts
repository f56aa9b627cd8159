import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { DomainError } from '@gongyi/domain/errors';
import { chineseOnly, ERROR_LABELS_ZH } from '@gongyi/domain/labels';
import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import { assignRequestId } from '../observability/logging';
import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from './database-unavailable';

const KIND_STATUS = { invalid: 400, forbidden: 403, not_found: 404, conflict: 409 } as const;

// PostgreSQL SQLSTATEs that mean the client sent something unacceptable, not that we failed.
const PG_CLIENT_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  '23505': { status: 409, code: 'unique_violation', message: ERROR_LABELS_ZH.unique_violation },
  '23503': { status: 409, code: 'reference_violation', message: ERROR_LABELS_ZH.reference_violation },
  '23514': { status: 400, code: 'check_violation', message: ERROR_LABELS_ZH.check_violation },
  '22P02': { status: 400, code: 'invalid_value', message: ERROR_LABELS_ZH.invalid_value },
  '22003': { status: 400, code: 'out_of_range', message: ERROR_LABELS_ZH.out_of_range },
  '22007': { status: 400, code: 'invalid_date', message: ERROR_LABELS_ZH.invalid_date },
  '22008': { status: 400, code: 'invalid_date', message: ERROR_LABELS_ZH.invalid_date },
  '22001': { status: 400, code: 'value_too_long', message: ERROR_LABELS_ZH.value_too_long },
  '22021': { status: 400, code: 'invalid_text', message: '文本含有无效字符' },
};

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: unknown;
  errorId?: string;
  /** The request's id (X-Request-Id): the same value is on every log line the request wrote. */
  requestId?: string;
}

/** One shape for every error: {statusCode, code, message}; internals never reach the client. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const request = host.switchToHttp().getRequest<Request>();
    const body: ErrorBody = { ...this.chinese(this.toBody(exception), exception), requestId: assignRequestId(request, response) };
    if (response.headersSent) return;
    // A file route may already have set its own Content-Type / -Disposition; an error is JSON.
    response.removeHeader('Content-Disposition');
    response.removeHeader('ETag');
    response.setHeader('Content-Type', 'application/json; charset=utf-8');
    response.status(body.statusCode).json(body);
  }

  /**
   * People read Chinese only: English parts of a message ("中文 (english)") are cut from the reply and kept in the
   * log under an error id, which the reply carries so the two can be matched.
   */
  private chinese(body: ErrorBody, exception: unknown): ErrorBody {
    const message = chineseOnly(body.message, body.code);
    const raw = exception instanceof HttpException ? exception.getResponse() : undefined;
    const logDetail = typeof raw === 'object' && raw !== null ? (raw as { logDetail?: unknown }).logDetail : undefined;
    if (message === body.message && logDetail === undefined) return body;
    const errorId = body.errorId ?? randomUUID();
    this.logger.warn(`[${errorId}] ${body.statusCode} ${body.code}: ${body.message}${logDetail ? ` — ${String(logDetail)}` : ''}`);
    return { ...body, message, errorId };
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
    if (isDatabaseUnavailable(exception))
      return {
        statusCode: 503,
        code: 'database_unavailable',
        message: '数据库暂时不可用，请稍后重试 (database unavailable, retry shortly)',
      };
    const errorId = randomUUID();
    this.logger.error(`[${errorId}] ${(exception as Error)?.stack ?? String(exception)}`);
    return { statusCode: 500, code: 'internal_error', message: `服务器内部错误（错误编号 ${errorId}）`, errorId };
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
