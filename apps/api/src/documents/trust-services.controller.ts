import { Controller, Get, Header, HttpCode, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { DomainError } from '@gongyi/domain/errors';
import { RateLimit } from '../common/rate-limit';
import { Public } from '../identity/decorators';
import { CrlService } from './crl.service';
import { TimestampAuthorityService } from './timestamp-authority.service';

// A TimeStampReq is a few hundred bytes; anything much larger is not one.
const MAX_QUERY_BYTES = 16 * 1024;

function readBody(req: Request, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Past the limit the rest is read and dropped, so the 400 still reaches the client.
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () =>
      size > limit
        ? reject(new DomainError('invalid', 'timestamp_query_too_large', '时间戳请求过大（不是 RFC 3161 TimeStampReq）'))
        : resolve(Buffer.concat(chunks)),
    );
    req.on('error', reject);
  });
}

/** Machine-facing trust services of the deployment: the CRL of the seal root CA and the RFC 3161 responder. */
@ApiTags('verification')
@Controller()
export class TrustServicesController {
  constructor(
    private readonly crl: CrlService,
    private readonly tsa: TimestampAuthorityService,
  ) {}

  @Public()
  @Get('crl')
  @Header('Content-Type', 'application/pkix-crl')
  @Header('Content-Disposition', 'attachment; filename="gongyi-seal-root.crl"')
  @ApiProduces('application/pkix-crl')
  @ApiOperation({ summary: '印章根证书的吊销列表（CRL，DER）：已停用印章的证书及停用时间' })
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' }, description: 'CRL（DER）' })
  async revocationList(@Res() res: Response) {
    res.send(await this.crl.current());
  }

  @Public()
  @RateLimit('public')
  @Post('tsa')
  @HttpCode(200)
  @ApiConsumes('application/timestamp-query')
  @ApiProduces('application/timestamp-reply')
  @ApiBody({ description: 'RFC 3161 TimeStampReq (DER)', schema: { type: 'string', format: 'binary' } })
  @ApiOperation({ summary: '可信时间戳服务（RFC 3161）：提交 TimeStampReq，返回本平台时间戳服务签发的 TimeStampResp' })
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' }, description: 'TimeStampResp（DER）' })
  async timestamp(@Req() req: Request, @Res() res: Response) {
    if (!req.is('application/timestamp-query'))
      throw new DomainError(
        'invalid',
        'timestamp_query_expected',
        '请以 Content-Type: application/timestamp-query 提交 RFC 3161 时间戳请求',
      );
    const query = await readBody(req, MAX_QUERY_BYTES);
    res.type('application/timestamp-reply').send(await this.tsa.respond(query));
  }
}
