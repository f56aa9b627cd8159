import { Injectable } from '@nestjs/common';
import { TimestampAuthorityService } from './timestamp-authority.service';
import { VerificationService } from './verification.service';
import { assertPdfHeader } from './verify-limits';
import { VerifyWorkerPool } from './verify-worker-pool';

/**
 * POST /api/verify with bounded work: a cheap pre-scan of the raw bytes, then the signature check in the
 * worker thread under a time budget; the verdict itself stays VerificationService's business.
 */
@Injectable()
export class BoundedVerificationService {
  constructor(
    private readonly verification: VerificationService,
    private readonly tsa: TimestampAuthorityService,
    private readonly pool: VerifyWorkerPool,
  ) {}

  async verifyUpload(upload: Buffer) {
    assertPdfHeader(upload);
    // The pre-scan (prescanPdf) runs in the worker, before the parse; so does the check.
    const { result, sha256, facts, bytes } = await this.pool.run(upload, await this.tsa.trustPem());
    return this.verification.verifyUpload(bytes, result, sha256, facts);
  }
}
