import type { Request, Response } from 'express';

/** A public download with its ETag (cached 5 minutes); a client that already has these bytes gets 304. */
export function sendPublicDownload(req: Request, res: Response, file: { body: Buffer; filename: string; etag: string }): void {
  res.setHeader('ETag', file.etag);
  res.setHeader('Cache-Control', 'public, max-age=300');
  if (req.headers['if-none-match'] === file.etag) {
    res.status(304).end();
    return;
  }
  res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`);
  res.send(file.body);
}
