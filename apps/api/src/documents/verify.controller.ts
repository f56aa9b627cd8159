import { Controller, Get, Header, HttpCode, Param, Post, Req, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import type { Request, Response } from 'express';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Invalid } from '../common/app-error';
import { RateLimit } from '../common/rate-limit';
import { PublicCache } from '../common/public-cache';
import { Public } from '../identity/decorators';
import { sendPdf } from './documents.controller';
import { NumberVerificationDto, UploadVerificationDto } from './dto/document-responses.dto';
import { DocumentNumberParam } from './dto/documents.dto';
import { VerificationService } from './verification.service';
import { BoundedVerificationService } from './bounded-verification.service';
import { MAX_PDF_BYTES } from './verify-limits';
import { incrementalMemoryStorage } from './upload-storage';

/** Public: anyone holding a printed or downloaded document can check its seals and registration. */
@ApiTags('verification')
@Controller()
export class VerifyController {
  constructor(
    private readonly verification: VerificationService,
    private readonly bounded: BoundedVerificationService,
  ) {}

  @Public()
  @Get('ca.pem')
  @Header('Content-Type', 'application/x-pem-file')
  @Header('Content-Disposition', 'attachment; filename="gongyi-seal-root-ca.pem"')
  @ApiProduces('application/x-pem-file')
  @ApiOperation({ summary: '下载印章根证书（导入 PDF 阅读器后可信任印章签名）' })
  @ApiOkResponse({ schema: { type: 'string' }, description: 'PEM 证书文本' })
  async rootCa() {
    return (await this.verification.rootCertificate()).pem;
  }

  @Public()
  @RateLimit('verify')
  @Post('verify')
  @HttpCode(200)
  @UseInterceptors(
    FileInterceptor('file', { storage: incrementalMemoryStorage(MAX_PDF_BYTES), limits: { fileSize: MAX_PDF_BYTES, files: 1 } }),
  )
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOperation({ summary: '上传 PDF 验章：逐个报告印章、签章时间、是否有效，以及文件是否与登记的定稿完全一致' })
  @ApiOkResponse({ type: UploadVerificationDto })
  verifyUpload(@UploadedFile() file: { buffer: Buffer } | undefined): Promise<UploadVerificationDto> {
    if (!file) throw new Invalid('请上传文件字段 file (multipart field "file" required)', 'file_required');
    return this.bounded.verifyUpload(file.buffer);
  }

  @Public()
  @Get('verify/:documentNumber')
  @PublicCache()
  @ApiOperation({ summary: '按文书编号查验：登记的文件摘要、各枚印章及其有效性' })
  @ApiOkResponse({ type: NumberVerificationDto })
  byNumber(@Param() { documentNumber }: DocumentNumberParam) {
    return this.verification.byNumber(documentNumber);
  }

  @Public()
  @Get('verify/:documentNumber/file')
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: '按文书编号下载登记的盖章定稿（与纸质文件比对）' })
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' }, description: '登记的盖章定稿 PDF' })
  async registeredFile(@Param() { documentNumber }: DocumentNumberParam, @Req() req: Request, @Res() res: Response) {
    sendPdf(req, res, await this.verification.registeredFile(documentNumber));
  }
}
