import { BadRequestException } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';

/**
 * Limits every request value passes before and after DTO validation, so that no route (including DTOs other
 * people add later) can be made to crash or hang on hostile input:
 * - NUL bytes anywhere (PostgreSQL refuses them in text, which used to surface as a 500);
 * - JSON nested deeper than MAX_DEPTH (class-transformer recurses and overflows the stack);
 * - numbers that are not finite or beyond 2^53 (page=1e308 reached OFFSET as an out-of-range bigint);
 * - strings longer than a default limit when the DTO field declares no @MaxLength / @Length of its own
 *   (names 100 characters, other text DEFAULT_MAX_LENGTH);
 * - dates before 1990 or more than 5 years ahead; meeting dates (@HeldMeetingDate) in the future.
 */
export const MAX_DEPTH = 20;
export const DEFAULT_MAX_LENGTH = 2000;
export const NAME_MAX_LENGTH = 100;
export const MIN_YEAR = 1990;
export const MAX_YEARS_AHEAD = 5;
/** Clocks of phones and servers drift; a meeting "held" two minutes from now is not a lie. */
const MEETING_SKEW_MS = 10 * 60_000;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const NAME_FIELD = /(^|[a-z])(name|Name)$/;

const meetingFields = new WeakMap<object, Set<string>>();

/**
 * Marks a DTO field as the date a meeting was held: it may not lie in the future. Opt-in per field, since a
 * hearing's review meeting, for one, is scheduled ahead under the same name.
 */
export function HeldMeetingDate(): PropertyDecorator {
  return (target, property) => {
    const fields = meetingFields.get(target) ?? new Set<string>();
    fields.add(String(property));
    meetingFields.set(target, fields);
  };
}

function isMeetingField(dto: object, field: string): boolean {
  for (let proto = Object.getPrototypeOf(dto); proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto))
    if (meetingFields.get(proto)?.has(field)) return true;
  return false;
}

function bad(code: string, message: string): BadRequestException {
  return new BadRequestException({ code, message });
}

/** Checks the raw value before class-transformer sees it: iterative, so depth itself cannot overflow. */
export function assertRawBounds(value: unknown, where: string): void {
  const stack: { v: unknown; depth: number; path: string }[] = [{ v: value, depth: 0, path: where }];
  let visited = 0;
  while (stack.length) {
    const { v, depth, path } = stack.pop()!;
    if (++visited > 100_000) throw bad('input_too_large', '输入内容过多 (too many values in the request)');
    if (typeof v === 'string') {
      if (v.includes('\u0000')) throw bad('nul_byte', `输入有误：${path} 含有空字符 (NUL byte not allowed)`);
    } else if (typeof v === 'number') {
      if (!Number.isFinite(v) || Math.abs(v) > Number.MAX_SAFE_INTEGER)
        throw bad('number_out_of_range', `输入有误：${path} 数值超出范围 (number out of range)`);
    } else if (v !== null && typeof v === 'object' && !ArrayBuffer.isView(v)) {
      // (uploaded files arrive as Buffers: bytes, not values to walk)
      if (depth >= MAX_DEPTH) throw bad('too_deep', `输入有误：嵌套层级超过 ${MAX_DEPTH} 层 (JSON nested too deeply)`);
      for (const [key, child] of Object.entries(v as Record<string, unknown>)) {
        if (key.includes('\u0000')) throw bad('nul_byte', `输入有误：字段名含有空字符 (NUL byte not allowed)`);
        stack.push({ v: child, depth: depth + 1, path: `${path}.${key}` });
      }
    }
  }
}

const explicitLengthCache = new Map<Function, Set<string>>();

/** Fields of a DTO class that state their own length limit. */
function explicitLengthFields(target: Function): Set<string> {
  let fields = explicitLengthCache.get(target);
  if (!fields) {
    const metadata = getMetadataStorage().getTargetValidationMetadatas(target, '', true, false);
    fields = new Set(metadata.filter((m) => m.name === 'maxLength' || m.name === 'isLength').map((m) => m.propertyName));
    explicitLengthCache.set(target, fields);
  }
  return fields;
}

export interface DateBounds {
  now: Date;
}

function checkDate(text: string, meeting: boolean, path: string, { now }: DateBounds): void {
  const m = ISO_DATE.exec(text);
  if (!m) return;
  const time = Date.parse(text.length === 10 ? `${text}T00:00:00Z` : text);
  if (Number.isNaN(time)) return; // malformed dates are the field's own validator's business
  const year = Number(m[1]);
  const latest = new Date(now);
  latest.setUTCFullYear(latest.getUTCFullYear() + MAX_YEARS_AHEAD);
  if (year < MIN_YEAR || time > latest.getTime())
    throw bad('date_out_of_range', `输入有误：${path} 日期须在 ${MIN_YEAR} 年之后、${MAX_YEARS_AHEAD} 年以内 (date out of range)`);
  if (meeting && time > now.getTime() + MEETING_SKEW_MS)
    throw bad('meeting_in_future', `输入有误：${path} 会议时间不能晚于现在 (a meeting cannot be held in the future)`);
}

/** Checks the validated DTO instance: default length limits and date ranges, recursing into nested DTOs. */
export function assertDtoBounds(value: unknown, bounds: DateBounds, path: string, depth = 0): void {
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value) || depth > MAX_DEPTH) return;
  const isDto = value.constructor !== Object && value.constructor !== Array;
  const explicit = isDto ? explicitLengthFields(value.constructor) : new Set<string>();
  for (const [field, child] of Object.entries(value as Record<string, unknown>)) {
    const childPath = Array.isArray(value) ? `${path}[${field}]` : `${path}.${field}`;
    const items = Array.isArray(child) ? child : [child];
    for (const item of items) {
      if (typeof item === 'string') {
        const limit = NAME_FIELD.test(field) ? NAME_MAX_LENGTH : DEFAULT_MAX_LENGTH;
        if (isDto && !explicit.has(field) && item.length > limit)
          throw bad('text_too_long', `输入有误：${childPath} 不能超过 ${limit} 个字符 (text too long)`);
        checkDate(item, isDto && isMeetingField(value, field), childPath, bounds);
      } else if (typeof item === 'number') {
        // Query strings become numbers only here (class-transformer), after the raw check saw text.
        if (!Number.isFinite(item) || Math.abs(item) > Number.MAX_SAFE_INTEGER)
          throw bad('number_out_of_range', `输入有误：${childPath} 数值超出范围 (number out of range)`);
      } else if (item instanceof Date) {
        checkDate(item.toISOString(), isDto && isMeetingField(value, field), childPath, bounds);
      } else if (item !== null && typeof item === 'object') {
        assertDtoBounds(item, bounds, childPath, depth + 1);
      }
    }
  }
}
