/**
 * Chinese words for the error codes the API answers with when the code alone has to speak (HTTP-level and
 * database-level refusals, whose own text is English). Domain errors carry their own Chinese message; these are
 * the fallbacks and the wording of the generic ones.
 */
export const ERROR_LABELS_ZH: Record<string, string> = {
  bad_request: '请求有误',
  validation_failed: '输入有误',
  unauthorized: '请先登录',
  forbidden: '无权进行此操作',
  not_found: '要找的内容不存在',
  conflict: '操作与当前状态冲突，请刷新后重试',
  payload_too_large: '上传的内容过大',
  too_many_requests: '操作过于频繁，请稍后再试',
  unique_violation: '记录已存在',
  reference_violation: '引用的记录不存在或仍被引用',
  check_violation: '数据不符合规则',
  invalid_value: '数据格式错误',
  out_of_range: '数值超出范围',
  invalid_date: '日期格式错误或超出范围',
  value_too_long: '文本过长',
  internal_error: '服务器内部错误',
  service_unavailable: '服务暂时不可用，请稍后再试',
  date_in_future: '日期不能晚于今天',
  invalid_dates: '日期有误',
  notice_not_sealed: '公告尚未加盖业主大会章和业主委员会章（公告以用章为发布），投票尚未开始，暂不能投票',
  network_error: '无法连接服务器，请检查网络后重试',
  error: '操作未能完成',
};

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
/** An English phrase: two or more Latin words in a row (so "GY-2026-000003" or "PDF" alone stay). */
const ENGLISH_PHRASE = /\b[A-Za-z][a-z]+(?:\s+[A-Za-z][a-z]*)+\b/;

/**
 * The Chinese part of a message written "中文 (english)" or "中文 english details": parenthesised or trailing
 * English is cut; a message with no Chinese at all becomes the label of its code. Identifiers, numbers and
 * document numbers inside Chinese sentences are kept.
 */
export function chineseOnly(message: string, code: string): string {
  let text = message;
  // "(english words)" or "（english words）" with no Chinese inside.
  text = text.replace(/\s*[(（]([^()（）]*)[)）]/g, (whole, inner: string) =>
    !CJK.test(inner) && ENGLISH_PHRASE.test(inner) ? '' : whole,
  );
  // Everything after the last Chinese character, when it holds an English phrase or a field path ("details.plan").
  const lastCjk = [...text].map((ch, i) => (CJK.test(ch) ? i : -1)).reduce((a, b) => Math.max(a, b), -1);
  if (lastCjk >= 0) {
    const chars = [...text];
    const head = chars.slice(0, lastCjk + 1).join('');
    const tail = chars.slice(lastCjk + 1).join('');
    if (ENGLISH_PHRASE.test(tail) || /^\s+[a-z]+\.[a-zA-Z]+/.test(tail) || /^\s+[a-z]+[A-Z]?\w*\s*:/.test(tail)) {
      text = head + (/^[）」』”"]/.test(tail) ? tail[0] : '');
    }
    // An English phrase between two Chinese parts: "须 x must be y 之前" → cut the phrase.
    text = text.replace(/(?<=[\u3400-\u9fff])\s+[A-Za-z][a-z]+(?:\s+[a-z]+){2,}[^\u3400-\u9fff]*(?=[\u3400-\u9fff])/g, '');
  }
  text = text.replace(/[\s:：;；,，]+$/, '').trim();
  if (!CJK.test(text)) return ERROR_LABELS_ZH[code] ?? ERROR_LABELS_ZH.error;
  return text;
}
