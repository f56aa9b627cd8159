import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { MetricsService } from './metrics.service';

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function fail(req: Request, res: Response, statusCode: number, code: string, message: string): void {
  res.status(statusCode).json({ statusCode, code, message, requestId: (req as Request & { id?: string }).id });
}

/**
 * GET /metrics for Prometheus, outside the /api prefix and the web app's routes. Needs METRICS_TOKEN as a Bearer
 * token (Prometheus: `authorization: { credentials: … }`); without METRICS_TOKEN the endpoint does not exist (404),
 * so a deployment that never set it exposes nothing.
 */
export function metricsEndpoint(metrics: MetricsService, token: string | undefined) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.path !== '/' || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
    if (!token) return fail(req, res, 404, 'not_found', '未找到');
    const header = req.headers.authorization ?? '';
    const given = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    if (!given || !sameSecret(given, token)) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
      return fail(req, res, 401, 'unauthorized', '需要监控令牌');
    }
    metrics
      .render()
      .then(({ contentType, body }) => {
        res.setHeader('Content-Type', contentType);
        res.setHeader('Cache-Control', 'no-store');
        res.status(200).send(body);
      })
      .catch(() => fail(req, res, 503, 'metrics_unavailable', '监控数据暂时无法读取，请稍后重试'));
  };
}
