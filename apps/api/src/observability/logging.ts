import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Params } from 'nestjs-pino';
import type { LoggerService } from '@nestjs/common';
import type { DestinationStream, Level, LoggerOptions } from 'pino';
import { pino, stdSerializers } from 'pino';
import type { AppConfig } from '../config/app-config';
import { REDACT_PATHS, REDACTED, redactFields, redactObject, redactText } from './redact';

export const REQUEST_ID_HEADER = 'X-Request-Id';
/** A caller's (or the proxy's) id is kept when it looks like an id; anything else is replaced, never echoed. */
const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

type WithId = IncomingMessage & { id?: string | number };

/**
 * Gives every request an id before anything else runs (so even a body that fails to parse has one): the
 * X-Request-Id a reverse proxy set, or a new UUID. It is sent back as a header, logged on every line written
 * while the request runs, and put into every error body (`requestId`) so a person's report finds the log lines.
 */
export function requestIdMiddleware(req: Request, res: Response, next: NextFunction): void {
  assignRequestId(req, res);
  next();
}

export function assignRequestId(req: IncomingMessage, res: ServerResponse): string {
  const request = req as WithId;
  if (request.id) return String(request.id);
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && ACCEPTABLE_ID.test(given) ? given : randomUUID();
  request.id = id;
  if (!res.headersSent) res.setHeader(REQUEST_ID_HEADER, id);
  return id;
}

const SERIALIZED = new Set(['req', 'res', 'err']);
const PINO_LEVEL: Record<AppConfig['logLevel'], Level> = { error: 'error', warn: 'warn', log: 'info', debug: 'debug' };
const LEVEL_NAME: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };

/**
 * LOG_FORMAT=plain: the JSON line pino produced, printed as one readable line
 * (`time LEVEL [context] message requestId=… key=value`). Same fields, same redaction, for a person at a terminal.
 */
export function plainLine(json: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json;
  }
  const { time, level, context, msg, requestId, req, res, responseTime, err, pid: _pid, hostname: _host, ...rest } = entry;
  const parts = [
    typeof time === 'number' ? new Date(time).toISOString() : String(time ?? ''),
    (LEVEL_NAME[level as number] ?? String(level)).padEnd(5),
  ];
  if (context) parts.push(`[${String(context)}]`);
  if (req && typeof req === 'object') {
    const { method, url } = req as { method?: string; url?: string };
    parts.push(`${method ?? ''} ${url ?? ''}`.trim());
  }
  if (res && typeof res === 'object') parts.push(String((res as { statusCode?: number }).statusCode ?? ''));
  if (responseTime !== undefined) parts.push(`${String(responseTime)}ms`);
  if (msg !== undefined) parts.push(String(msg));
  if (requestId) parts.push(`requestId=${String(requestId)}`);
  for (const [key, value] of Object.entries(rest)) parts.push(`${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  if (err && typeof err === 'object') parts.push(`\n${String((err as { stack?: string }).stack ?? (err as { message?: string }).message)}`);
  return `${parts.join(' ')}\n`;
}

/** Where log lines go: stdout (a service manager or container runtime collects it). Through process.stdout, not fd 1 directly, so the order with other output holds. */
export function logDestination(format: AppConfig['logFormat'], out: NodeJS.WritableStream = process.stdout): DestinationStream {
  if (format === 'json') return { write: (line: string) => void out.write(line) };
  return { write: (line: string) => void out.write(plainLine(line)) };
}

/** nestjs-pino / pino-http options for the server and the API tests alike. */
export function loggerParams(config: Pick<AppConfig, 'logLevel' | 'logFormat'>, out?: NodeJS.WritableStream): Params {
  return {
    pinoHttp: [
      {
        level: PINO_LEVEL[config.logLevel],
        base: undefined,
        messageKey: 'msg',
        timestamp: () => `,"time":${Date.now()}`,
        genReqId: (req, res) => assignRequestId(req, res),
        // Every line written while a request runs carries only its id; the completion line carries the request.
        quietReqLogger: true,
        customAttributeKeys: { reqId: 'requestId' },
        // A client's mistake (4xx) is routine; 503 is the database restarting (the client retries); other 5xx are ours.
        customLogLevel: (_req, res, error) =>
          error || (res.statusCode >= 500 && res.statusCode !== 503) ? 'error' : res.statusCode >= 500 ? 'warn' : 'info',
        customSuccessMessage: () => 'request completed',
        customErrorMessage: () => 'request failed',
        // pino-http makes up an Error for any 5xx; its stack points into pino-http. The exception filter has already
        // logged the real one under its errorId, so the request line carries the status only.
        customErrorObject: (_req, _res, error, value: Record<string, unknown>) =>
          /^failed with status code \d+$/.test(error.message) ? { ...value, err: undefined } : value,
        redact: { paths: REDACT_PATHS, censor: REDACTED },
        serializers: {
          req: (req: ReturnType<typeof stdSerializers.req>) => ({
            method: req.method,
            url: redactText(String(req.url ?? '')),
            remoteAddress: req.remoteAddress,
            headers: req.headers,
          }),
          res: (res: ReturnType<typeof stdSerializers.res>) => ({ statusCode: res.statusCode }),
          err: (error: Error) => redactObject(stdSerializers.err(error)) as Record<string, unknown>,
        },
        formatters: {
          // req/res/err are shaped by the serializers above; everything else a caller logged is scanned here.
          log: (object: Record<string, unknown>) => redactFields(object, SERIALIZED),
        },
        hooks: {
          logMethod(args: unknown[], method: (...a: unknown[]) => void) {
            method.apply(
              this,
              args.map((arg) => (typeof arg === 'string' ? redactText(arg) : arg)),
            );
          },
        },
      },
      logDestination(config.logFormat, out),
    ],
  };
}

/**
 * The same format and redaction for what main.ts logs before the application exists (embedded PostgreSQL,
 * migrations); configureApp then hands Nest's Logger to nestjs-pino.
 */
export function bootLogger(config: Pick<AppConfig, 'logLevel' | 'logFormat'>): LoggerService {
  const [options, destination] = (loggerParams(config).pinoHttp as [LoggerOptions, DestinationStream]) ?? [];
  const { level, base, messageKey, timestamp, redact, formatters, hooks } = options;
  const log = pino({ level, base, messageKey, timestamp, redact, formatters, hooks }, destination);
  const write =
    (method: 'info' | 'error' | 'warn' | 'debug' | 'trace') =>
    (message: unknown, ...rest: unknown[]) => {
      const context = typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
      log[method]({ context, ...(rest.length ? { params: rest } : {}) }, String(message));
    };
  return {
    log: write('info'),
    error: write('error'),
    warn: write('warn'),
    debug: write('debug'),
    verbose: write('trace'),
    fatal: write('error'),
  };
}
