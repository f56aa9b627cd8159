import { Controller, Get, Header, HttpCode, Param, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Invalid } from '../common/app-error';
import { Public } from '../identity/decorators';
import { DocumentNumberParam } from './dto/documents.dto';
import { VerificationService } from './verification.service';

const MAX_PDF_BYTES = 20 * 1024 * 1024;

/** Public: anyone holding a printed or downloaded document can check its seals and registration. */
@ApiTags('verification')
@Controller()
export class VerifyController {
  constructor(private readonly verification: VerificationService) {}

  @Public()
  @Get('ca.pem')
  @Header('Content-Type', 'application/x-pem-file')
  @Header('Content-Disposition', 'attachment; filename="gongyi-seal-root-ca.pem"')
  @ApiProduces('application/x-pem-file')
  @ApiOperation({ summary: '下载印章根证书（导入 PDF 阅读器后可信任印章签名）' })
  async rootCa() {
    return (await this.verification.rootCertificate()).pem;
  }

  @Public()
  @Post('verify')
  @HttpCode(200)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_PDF_BYTES, files: 1 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOperation({ summary: '上传 PDF 验章：逐个报告印章、签章时间、是否有效，以及文件是否与登记的定稿完全一致' })
  verifyUpload(@UploadedFile() file: { buffer: Buffer } | undefined) {
    if (!file) throw new Invalid('请上传文件字段 file (multipart field "file" required)', 'file_required');
    return this.verification.verifyUpload(file.buffer);
  }

  @Public()
  @Get('verify/:documentNumber')
  @ApiOperation({ summary: '按文书编号查验：登记的文件摘要、各枚印章及其有效性' })
  byNumber(@Param() { documentNumber }: DocumentNumberParam) {
    return this.verification.byNumber(documentNumber);
  }
}
