/** Typed functions for seals, seal requests, documents and the public verification. */
import { fetchFile, request } from './http';
import type {
  DocumentDetail,
  DocumentRecord,
  DocumentStatus,
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

const c = (communityId: string) => `/communities/${encodeURIComponent(communityId)}`;
const doc = (communityId: string, id: string) => `${c(communityId)}/documents/${encodeURIComponent(id)}`;
const req = (communityId: string, id: string) => `${c(communityId)}/seal-requests/${encodeURIComponent(id)}`;

export const sealsApi = {
  list: (communityId: string, quiet = false) => request<Seal[]>(`${c(communityId)}/seals`, { quiet }),
  issue: (communityId: string, term: number) => request<Seal[]>(`${c(communityId)}/seals`, { method: 'POST', body: { term } }),
  setCustodians: (communityId: string, sealId: string, userIds: string[]) =>
    request<Seal>(`${c(communityId)}/seals/${encodeURIComponent(sealId)}/custodians`, { method: 'PUT', body: { userIds } }),
  retire: (communityId: string, sealId: string, reason: string) =>
    request<Seal>(`${c(communityId)}/seals/${encodeURIComponent(sealId)}/retirement`, { method: 'POST', body: { reason } }),
  requests: (communityId: string, query: { status?: SealRequestStatus; documentId?: string } = {}, quiet = false) =>
    request<SealRequest[]>(`${c(communityId)}/seal-requests`, { query, quiet }),
  request: (communityId: string, id: string) => request<SealRequestDetail>(req(communityId, id)),
  ask: (communityId: string, body: { documentId: string; decision?: string }) =>
    request<SealRequestRecord>(`${c(communityId)}/seal-requests`, { method: 'POST', body }),
  apply: (communityId: string, id: string, kind: SealKind, pin: string) =>
    request<SealRequestDetail>(`${req(communityId, id)}/applications`, { method: 'POST', body: { kind, pin } }),
  myPin: (communityId: string) => request<SealPinStatus>(`${c(communityId)}/my-seal-pin`),
  setPin: (communityId: string, pin: string, currentPin?: string) =>
    request<SealPinStatus>(`${c(communityId)}/my-seal-pin`, { method: 'PUT', body: { pin, currentPin } }),
  proposals: (communityId: string, sealId: string) =>
    request<CustodyProposal[]>(`${c(communityId)}/seals/${encodeURIComponent(sealId)}/custody-proposals`),
  propose: (communityId: string, sealId: string, userIds: string[], note?: string) =>
    request<{ id: string }>(`${c(communityId)}/seals/${encodeURIComponent(sealId)}/custody-proposals`, {
      method: 'POST',
      body: { userIds, note },
    }),
  confirmProposal: (communityId: string, sealId: string, proposalId: string) =>
    request<Seal>(
      `${c(communityId)}/seals/${encodeURIComponent(sealId)}/custody-proposals/${encodeURIComponent(proposalId)}/confirmation`,
      { method: 'POST' },
    ),
  resetPin: (communityId: string) => request<SealPinStatus>(`${c(communityId)}/my-seal-pin`, { method: 'DELETE' }),
  handOver: (communityId: string, sealId: string, pin: string) =>
    request<Seal>(`${c(communityId)}/seals/${encodeURIComponent(sealId)}/key-handovers`, { method: 'POST', body: { pin } }),
  refuse: (communityId: string, id: string, kind: SealKind, reason: string) =>
    request<SealRequestDetail>(`${req(communityId, id)}/refusals`, { method: 'POST', body: { kind, reason } }),
  log: (communityId: string, query: { from?: string; to?: string } = {}) =>
    request<SealLogEntry[]>(`${c(communityId)}/seal-log`, { query }),
  logReport: (communityId: string, year: number, half: 1 | 2) =>
    request<DocumentRecord>(`${c(communityId)}/seal-log/reports`, { method: 'POST', body: { year, half } }),
  certificate: (communityId: string, sealId: string) => fetchFile(`${c(communityId)}/seals/${encodeURIComponent(sealId)}/certificate`),
};

export const documentsApi = {
  /** The API filters by type and status (owners get sealed finals whatever the status asked). */
  list: (communityId: string, filter: { type?: string; status?: DocumentStatus } = {}) =>
    request<DocumentSummary[]>(`${c(communityId)}/documents`, { query: filter }),
  get: (communityId: string, id: string) => request<DocumentDetail>(doc(communityId, id)),
  create: (communityId: string, type: SourceDocumentType, sourceId: string) =>
    request<DocumentRecord>(`${c(communityId)}/documents`, { method: 'POST', body: { type, sourceId } }),
  /** API paths of the PDFs; they need the bearer token, so pages fetch them with `fetchFile`. */
  previewPath: (communityId: string, id: string) => `${doc(communityId, id)}/preview`,
  filePath: (communityId: string, id: string) => `${doc(communityId, id)}/file`,
};

/** Public: no login. */
export const verifyApi = {
  byNumber: (documentNumber: string) =>
    request<NumberVerification>(`/verify/${encodeURIComponent(documentNumber.trim())}`, { anonymous: true }),
  upload: (file: File) => {
    const form = new FormData();
    form.append('file', file);
    return request<UploadVerification>('/verify', { method: 'POST', body: form, anonymous: true });
  },
  rootCaUrl: '/api/ca.pem',
  fileUrl: (documentNumber: string) => `/api/verify/${encodeURIComponent(documentNumber)}/file`,
};
