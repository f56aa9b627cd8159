/** Typed functions for seals, seal requests, documents and the public verification. */
import { asForm, call, client, fetchFile, publicClient, type FilePath } from './http';
import type {
  DocumentDetail,
  DocumentFilter,
  DocumentRecord,
  DocumentSummary,
  NumberVerification,
  CustodyProposal,
  Seal,
  SealKind,
  SealRequest,
  SealLogEntry,
  SealPinStatus,
  SealRequestDetail,
  SealRequestRecord,
  SealRequestStatus,
  SourceDocumentType,
  UploadVerification,
} from './types-documents';

const c = (communityId: string) => ({ path: { communityId } });
const ci = (communityId: string, id: string) => ({ path: { communityId, id } });
const enc = encodeURIComponent;

export const sealsApi = {
  list: (communityId: string, quiet = false): Promise<Seal[]> =>
    call(client.GET('/api/communities/{communityId}/seals', { params: c(communityId) }), { quiet }),
  issue: (communityId: string, term: number): Promise<Seal[]> =>
    call(client.POST('/api/communities/{communityId}/seals', { params: c(communityId), body: { term } })),
  setCustodians: (communityId: string, sealId: string, userIds: string[]): Promise<Seal> =>
    call(client.PUT('/api/communities/{communityId}/seals/{id}/custodians', { params: ci(communityId, sealId), body: { userIds } })),
  retire: (communityId: string, sealId: string, reason: string): Promise<Seal> =>
    call(client.POST('/api/communities/{communityId}/seals/{id}/retirement', { params: ci(communityId, sealId), body: { reason } })),
  requests: (communityId: string, query: { status?: SealRequestStatus; documentId?: string } = {}, quiet = false): Promise<SealRequest[]> =>
    call(client.GET('/api/communities/{communityId}/seal-requests', { params: { ...c(communityId), query } }), { quiet }),
  request: (communityId: string, id: string): Promise<SealRequestDetail> =>
    call(client.GET('/api/communities/{communityId}/seal-requests/{id}', { params: ci(communityId, id) })),
  ask: (communityId: string, body: { documentId: string; decision?: string }): Promise<SealRequestRecord> =>
    call(client.POST('/api/communities/{communityId}/seal-requests', { params: c(communityId), body })),
  apply: (communityId: string, id: string, kind: SealKind, pin: string): Promise<SealRequestDetail> =>
    call(
      client.POST('/api/communities/{communityId}/seal-requests/{id}/applications', { params: ci(communityId, id), body: { kind, pin } }),
    ),
  myPin: (communityId: string): Promise<SealPinStatus> =>
    call(client.GET('/api/communities/{communityId}/my-seal-pin', { params: c(communityId) })),
  setPin: (communityId: string, pin: string, currentPin?: string): Promise<SealPinStatus> =>
    call(client.PUT('/api/communities/{communityId}/my-seal-pin', { params: c(communityId), body: { pin, currentPin } })),
  proposals: (communityId: string, sealId: string): Promise<CustodyProposal[]> =>
    call(client.GET('/api/communities/{communityId}/seals/{id}/custody-proposals', { params: ci(communityId, sealId) })),
  propose: (communityId: string, sealId: string, userIds: string[], note?: string): Promise<{ id: string }> =>
    call(
      client.POST('/api/communities/{communityId}/seals/{id}/custody-proposals', {
        params: ci(communityId, sealId),
        body: { userIds, note },
      }),
    ),
  confirmProposal: (communityId: string, sealId: string, proposalId: string): Promise<Seal> =>
    call(
      client.POST('/api/communities/{communityId}/seals/{id}/custody-proposals/{proposalId}/confirmation', {
        params: { path: { communityId, id: sealId, proposalId } },
      }),
    ),
  resetPin: (communityId: string): Promise<SealPinStatus> =>
    call(client.DELETE('/api/communities/{communityId}/my-seal-pin', { params: c(communityId) })),
  handOver: (communityId: string, sealId: string, pin: string): Promise<Seal> =>
    call(client.POST('/api/communities/{communityId}/seals/{id}/key-handovers', { params: ci(communityId, sealId), body: { pin } })),
  refuse: (communityId: string, id: string, kind: SealKind, reason: string): Promise<SealRequestDetail> =>
    call(
      client.POST('/api/communities/{communityId}/seal-requests/{id}/refusals', { params: ci(communityId, id), body: { kind, reason } }),
    ),
  log: (communityId: string, query: { from?: string; to?: string } = {}): Promise<SealLogEntry[]> =>
    call(client.GET('/api/communities/{communityId}/seal-log', { params: { ...c(communityId), query } })),
  logReport: (communityId: string, year: number, half: 1 | 2): Promise<DocumentRecord> =>
    call(client.POST('/api/communities/{communityId}/seal-log/reports', { params: c(communityId), body: { year, half } })),
  /** The seal's certificate (PEM), downloaded as a file. */
  certificate: (communityId: string, sealId: string) => fetchFile(`/communities/${enc(communityId)}/seals/${enc(sealId)}/certificate`),
};

export const documentsApi = {
  /** The API filters by type and status (owners get sealed finals whatever the status asked). */
  list: (communityId: string, filter: DocumentFilter = {}): Promise<DocumentSummary[]> =>
    call(client.GET('/api/communities/{communityId}/documents', { params: { ...c(communityId), query: filter } })),
  get: (communityId: string, id: string): Promise<DocumentDetail> =>
    call(client.GET('/api/communities/{communityId}/documents/{id}', { params: ci(communityId, id) })),
  create: (communityId: string, type: SourceDocumentType, sourceId: string): Promise<DocumentRecord> =>
    call(client.POST('/api/communities/{communityId}/documents', { params: c(communityId), body: { type, sourceId } })),
  /** API paths of the PDFs; they need the bearer token, so pages fetch them with `fetchFile`. */
  previewPath: (communityId: string, id: string): FilePath => `/communities/${enc(communityId)}/documents/${enc(id)}/preview`,
  filePath: (communityId: string, id: string): FilePath => `/communities/${enc(communityId)}/documents/${enc(id)}/file`,
};

/** Public: no login. */
export const verifyApi = {
  byNumber: (documentNumber: string): Promise<NumberVerification> =>
    call(publicClient.GET('/api/verify/{documentNumber}', { params: { path: { documentNumber: documentNumber.trim() } } }), {
      anonymous: true,
    }),
  upload: (file: File): Promise<UploadVerification> => {
    const form = new FormData();
    form.append('file', file);
    return call(publicClient.POST('/api/verify', asForm(form)), { anonymous: true });
  },
  rootCaUrl: '/api/ca.pem',
  fileUrl: (documentNumber: string) => `/api/verify/${encodeURIComponent(documentNumber)}/file`,
};
