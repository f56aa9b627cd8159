/**
 * What never reaches a log line. Field names are redacted wherever they appear (request headers through pino's
 * `redact` paths, any logged object through `redactObject`); free text is scanned for the shapes of the data the
 * product holds about people (18-digit 居民身份证号, mainland mobile numbers, activation codes, bearer tokens), because
 * messages built from errors can quote them.
 */
export const REDACTED = '[Redacted]';

/** Keys whose values are secrets or personal data, matched case-insensitively on the whole key. */
const SECRET_KEY =
  /^(authorization|cookie|set-cookie|password|newpassword|currentpassword|onetimepassword|passwordhash|pin|newpin|currentpin|sealpin|token|accesstoken|refreshtoken|secret|jwtsecret|masterkey|activationcode|code_?hash|idnumber|id_number|identitynumber|mobile|phone|x-api-key)$/i;

/** pino `redact` paths for the request/response objects pino-http logs. */
export const REDACT_PATHS = ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-api-key"]', 'res.headers["set-cookie"]'];

const PATTERNS: [RegExp, string][] = [
  // Bearer / session tokens quoted in text.
  [/\b(Bearer)\s+[A-Za-z0-9._~+/-]+=*/g, `$1 ${REDACTED}`],
  // 居民身份证号: 17 digits and a digit or X, not part of a longer number or a hex string.
  [/(?<![0-9A-Za-z])\d{17}[0-9Xx](?![0-9A-Za-z])/g, REDACTED],
  // Mainland mobile numbers (11 digits from 13–19), optionally written +86 / 86.
  [/(?<![0-9A-Za-z])(?:\+?86[- ]?)?1[3-9]\d{9}(?![0-9A-Za-z])/g, REDACTED],
  // Activation codes XXXX-XXXX-XXXX (upper case; UUID parts are lower-case hex and longer chains).
  [/(?<![0-9A-Za-z-])[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}(?![0-9A-Za-z-])/g, REDACTED],
];

export function redactText(text: string): string {
  let out = text;
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

/** A copy of `value` with secret keys censored and strings scanned; cycles and depth are bounded. */
export function redactObject(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object' || depth > 6) return value;
  if (seen.has(value)) return '[Circular]';
  seen.add(value);
  if (value instanceof Error) {
    return { type: value.name, message: redactText(value.message), stack: value.stack ? redactText(value.stack) : undefined };
  }
  if (Array.isArray(value)) return value.map((item) => redactObject(item, depth + 1, seen));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = SECRET_KEY.test(key) && item !== undefined && item !== null ? REDACTED : redactObject(item, depth + 1, seen);
  }
  return out;
}

/** The fields of one log entry: req/res/err are left to their serializers, the rest censored like redactObject. */
export function redactFields(entry: Record<string, unknown>, keep: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entry)) {
    if (keep.has(key)) out[key] = value;
    else out[key] = SECRET_KEY.test(key) && value !== undefined && value !== null ? REDACTED : redactObject(value);
  }
  return out;
}
