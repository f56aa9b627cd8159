import {
  ASSEMBLY_NOTICE_TYPE,
  JOINT_BULLETIN_TYPE,
  MINUTES_TYPE,
  renderAssemblyNotice,
  renderJointBulletin,
  renderMeetingMinutes,
  renderResolutionAnnouncement,
  renderSealLog,
  renderStatement,
  renderTenderFailed,
  RESOLUTION_TYPE,
  SEAL_LOG_TYPE,
  STATEMENT_TYPE,
  TENDER_FAILED_TYPE,
  type RenderOptions,
  type SealSlots,
} from '@gongyi/pdf';

export const DOCUMENT_TYPES = [
  ASSEMBLY_NOTICE_TYPE,
  MINUTES_TYPE,
  RESOLUTION_TYPE,
  STATEMENT_TYPE,
  SEAL_LOG_TYPE,
  TENDER_FAILED_TYPE,
  JOINT_BULLETIN_TYPE,
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const DOCUMENT_TYPE_LABELS: Record<DocumentType, string> = {
  assembly_notice: '业主大会会议公告',
  meeting_minutes: '会议纪要',
  resolution_announcement: '业主大会决议公告',
  statement: '报表',
  seal_log: '用章登记公示',
  tender_failed: '流标公告',
  joint_bulletin: '四方联席工作简报',
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Renderer = (input: any, options: RenderOptions, slots?: SealSlots) => Promise<Buffer>;

const RENDERERS: Record<DocumentType, Renderer> = {
  assembly_notice: renderAssemblyNotice,
  meeting_minutes: renderMeetingMinutes,
  resolution_announcement: renderResolutionAnnouncement,
  statement: renderStatement,
  seal_log: renderSealLog,
  tender_failed: renderTenderFailed,
  joint_bulletin: renderJointBulletin,
};

export function isDocumentType(value: unknown): value is DocumentType {
  return typeof value === 'string' && (DOCUMENT_TYPES as readonly string[]).includes(value);
}

export function rendererFor(type: string): Renderer {
  if (!isDocumentType(type)) throw new Error(`unknown document type ${type}`);
  return RENDERERS[type];
}

/**
 * Template inputs hold Dates and bigints, which JSON loses. They are stored tagged ({$date}, {$bigint}) so a
 * re-render months later (when the seals are applied) sees exactly the input that was registered.
 */
export function encodeInput(value: unknown): unknown {
  if (value instanceof Date) return { $date: value.toISOString() };
  if (typeof value === 'bigint') return { $bigint: value.toString() };
  if (Array.isArray(value)) return value.map(encodeInput);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = encodeInput(v);
    return out;
  }
  return value;
}

export function decodeInput(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeInput);
  if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj);
    if (keys.length === 1 && typeof obj.$date === 'string') return new Date(obj.$date);
    if (keys.length === 1 && typeof obj.$bigint === 'string') return BigInt(obj.$bigint);
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(obj)) out[k] = decodeInput(v);
    return out;
  }
  return value;
}
