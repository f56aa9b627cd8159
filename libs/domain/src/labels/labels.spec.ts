import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { MATTER_LABELS_ZH, MATTER_CATEGORIES } from '../voting/matter';
import { CHAIN_STAGES, STAGE_LABELS_ZH } from '../chain/stages';
import {
  MATTER_LABELS_FULL_ZH,
  MATTER_SHORT_ZH,
  RECORD_ACTION_TEMPLATES_ZH,
  RECORD_KIND_LABELS_ZH,
  ROLE_LABELS_ZH,
  STAGE_LABELS_ZH_ALL,
  chineseOnly,
  describeRecordEntry,
  fillTemplate,
  isRecordAction,
  recordActionName,
  formatZhDate,
  formatZhDateTime,
} from './index';

const ROOT = join(__dirname, '..', '..', '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    return /\.(ts|tsx|sql)$/.test(name) && !/\.spec\.ts$/.test(name) ? [path] : [];
  });
}

/** Record actions written by the code: quoted "kind.name" strings whose kind is one of the record's kinds. */
function actionsInSource(): Map<string, string> {
  const kinds = Object.keys(RECORD_KIND_LABELS_ZH).join('|');
  const literal = new RegExp(`['"\`]((?:${kinds})\\.[a-z][a-z0-9_]*)['"\`]`, 'g');
  const found = new Map<string, string>();
  for (const file of [...sourceFiles(join(ROOT, 'apps', 'api', 'src')), ...sourceFiles(join(ROOT, 'libs', 'database', 'src'))]) {
    for (const match of readFileSync(file, 'utf8').matchAll(literal)) found.set(match[1], file);
  }
  return found;
}

describe('record action labels', () => {
  it('finds the actions the services write (the scan itself works)', () => {
    const found = actionsInSource();
    expect(found.has('seals.applied')).toBe(true);
    expect(found.has('voting.ballot_cast')).toBe(true);
    expect(found.has('agenda.item_submitted')).toBe(true);
    expect(found.size).toBeGreaterThan(40);
  });

  it('every action written anywhere in the API has a sentence template', () => {
    const missing = [...actionsInSource()].filter(([action]) => !isRecordAction(action)).map(([a, f]) => `${a} (${f})`);
    expect(missing).toEqual([]);
  });

  it.each(Object.entries(RECORD_ACTION_TEMPLATES_ZH))('%s reads as Chinese with no code left in it', (action, template) => {
    const text = fillTemplate(template, {});
    expect(text).toMatch(/[\u4e00-\u9fff]/);
    expect(text).not.toMatch(/[{}[\]]/);
    expect(recordActionName(action)).not.toBe(action);
    expect(RECORD_KIND_LABELS_ZH[action.split('.')[0]]).toBeDefined();
  });

  it('writes the sentence of the issue: actor, action and document number', () => {
    const text = describeRecordEntry({
      action: 'seals.requested',
      actor: '业委会主任陈主任',
      payload: { documentId: 'a1b2c3d4-0000-4000-8000-000000000000', number: 'GY-2026-000003' },
    });
    expect(text).toBe('业委会主任陈主任申请用章：文书 GY-2026-000003');
  });

  it('turns codes in the payload into words and never prints UUIDs or undefined', () => {
    const text = describeRecordEntry({
      action: 'seals.applied',
      actor: '王保管',
      payload: { kind: 'assembly', sealId: '0b8f0c7e-5f1e-4d7b-9c8e-1f2a3b4c5d6e', number: 'GY-2026-000004' },
    });
    expect(text).toBe('王保管加盖业主大会章：文书 GY-2026-000004');
    const granted = describeRecordEntry({ action: 'identity.role_granted', actor: '居委会李主任', payload: { role: 'party_secretary' } });
    expect(granted).toBe('居委会李主任授予「党支部书记」角色');
    const entry = describeRecordEntry({
      action: 'finance.entry_recorded',
      actor: '物业张经理',
      payload: { kind: 'income', category: '广告', amountFen: '1234550' },
    });
    expect(entry).toBe('物业张经理记账：收入 广告 ¥12,345.50');
    for (const t of [text, granted, entry]) expect(t).not.toMatch(/undefined|null|[0-9a-f]{8}-[0-9a-f]{4}/);
  });

  it('names the 监票人/计票人 of a notice draft and its publication, as the notice does', () => {
    const payload = { title: '2027年第一次业主大会', scrutineers: ['欧阳甲', '司马乙'], tellers: ['诸葛丙'] };
    const officers = '，监票人：欧阳甲、司马乙，计票人：诸葛丙';
    expect(describeRecordEntry({ action: 'voting.vote_drafted', actor: '业委会委员张委员', payload })).toBe(
      `业委会委员张委员起草表决「2027年第一次业主大会」${officers}`,
    );
    expect(describeRecordEntry({ action: 'voting.draft_updated', actor: '张委员', payload })).toBe(
      `张委员修改表决草稿「2027年第一次业主大会」${officers}`,
    );
    expect(describeRecordEntry({ action: 'voting.notice_published', actor: '张委员', subjectTitle: '2027年第一次业主大会', payload })).toBe(
      `张委员发布业主大会表决公告「2027年第一次业主大会」${officers}`,
    );
    expect(
      describeRecordEntry({
        action: 'voting.final_result_issued',
        actor: '张委员',
        subjectTitle: '2027年第一次业主大会',
        payload: { ...payload, documentNumber: 'GY-2026-000009' },
      }),
    ).toBe(`张委员发布表决「2027年第一次业主大会」结果公告：文书 GY-2026-000009${officers}`);
    // None named yet: the notice's own words; an entry from before the names were recorded: nothing.
    expect(
      describeRecordEntry({ action: 'voting.vote_drafted', actor: '张委员', payload: { title: '甲', scrutineers: [], tellers: [] } }),
    ).toBe('张委员起草表决「甲」，监票人：由业主委员会于计票前公布姓名，计票人：由业主委员会于计票前公布姓名');
    expect(describeRecordEntry({ action: 'voting.vote_drafted', actor: '张委员', payload: { title: '甲' } })).toBe('张委员起草表决「甲」');
  });

  it('a progress report states the amount it spent, when it gave one', () => {
    const payload = { progressPercent: 100, amountFen: '9600000' };
    expect(describeRecordEntry({ action: 'agenda.progress_reported', actor: '物业李经理', subjectTitle: '更换水泵', payload })).toBe(
      '物业李经理报告执行进度：议题「更换水泵」，完成 100%，发生金额 ¥96,000.00',
    );
  });

  it('drops a bracketed part when one of its variables is missing', () => {
    expect(fillTemplate('{actor}记录[{stage}]会议[，结果：{outcome}]', { actor: '甲', outcome: '通过' })).toBe('甲记录会议，结果：通过');
  });

  it('an unknown action still reads as Chinese', () => {
    expect(describeRecordEntry({ action: 'x.unknown', payload: {} })).toBe('系统：其他记录');
  });
});

describe('vocabulary agrees with the rules', () => {
  it('matter categories: same codes and statute wording as the voting rules, and short names never "（七）" alone', () => {
    expect(Object.keys(MATTER_LABELS_FULL_ZH).sort()).toEqual([...MATTER_CATEGORIES].sort());
    expect(MATTER_LABELS_FULL_ZH).toEqual(MATTER_LABELS_ZH);
    for (const short of Object.values(MATTER_SHORT_ZH)) expect(short).not.toMatch(/^（[一二三四五六七八九]）$/);
    expect(Object.values(MATTER_SHORT_ZH).every((s) => s.length >= 4)).toBe(true);
  });

  it('stages: same as the chain', () => {
    expect(Object.keys(STAGE_LABELS_ZH_ALL)).toEqual([...CHAIN_STAGES]);
    expect(STAGE_LABELS_ZH_ALL).toEqual(STAGE_LABELS_ZH);
  });

  it('roles: same as the API role list', () => {
    const rolesTs = readFileSync(join(ROOT, 'apps', 'api', 'src', 'identity', 'roles.ts'), 'utf8');
    const list = /COMMUNITY_ROLES = \[([^\]]*)\]/.exec(rolesTs)?.[1] ?? '';
    const roles = [...list.matchAll(/'([a-z_]+)'/g)].map((m) => m[1]);
    expect(roles.length).toBeGreaterThan(5);
    expect(Object.keys(ROLE_LABELS_ZH)).toEqual(roles);
  });
});

describe('chineseOnly', () => {
  it.each([
    ['结束日期早于开始日期 (end date before start date)', 'invalid_dates', '结束日期早于开始日期'],
    ['事项类别无效 invalid matter category "x": use one of art278_1, art278_2', 'invalid_matter_category', '事项类别无效'],
    ['请选择会议结果 outcome: advance / return / reject', 'outcome_required', '请选择会议结果'],
    ['联席会议须记录议定方案 details.plan', 'plan_required', '联席会议须记录议定方案'],
    ['记录已存在 (already exists)', 'unique_violation', '记录已存在'],
    ['文书 GY-2026-000003 已用章', 'conflict', '文书 GY-2026-000003 已用章'],
    [
      '联席会议缺少：党支部、物业（须党支部、居委会、业委会、物业四方出席）',
      'x',
      '联席会议缺少：党支部、物业（须党支部、居委会、业委会、物业四方出席）',
    ],
    ['Cannot GET /api/nothing', 'not_found', '要找的内容不存在'],
    ['ThrottlerException: Too Many Requests', 'too_many_requests', '操作过于频繁，请稍后再试'],
    ['Some unknown failure', 'made_up_code', '操作未能完成'],
    ['PDF 文件无效', 'invalid', 'PDF 文件无效'],
    [
      '服务器内部错误（错误编号 b3fa85f6-5717-4562-b3fc-2c963f66afa6）',
      'internal_error',
      '服务器内部错误（错误编号 b3fa85f6-5717-4562-b3fc-2c963f66afa6）',
    ],
    ['输入有误：secret 不是可接受的字段；name 须为文字', 'validation_failed', '输入有误：secret 不是可接受的字段；name 须为文字'],
  ])('%s → %s', (message, code, expected) => {
    expect(chineseOnly(message, code)).toBe(expected);
  });
});

describe('Chinese date and time in the community zone', () => {
  it.each([
    ['2026-12-17T01:00:00.000Z', 'Asia/Shanghai', '2026年12月17日 09:00'],
    ['2026-12-31T16:30:00.000Z', 'Asia/Shanghai', '2027年1月1日 00:30'],
    ['2026-12-17T01:00:00.000Z', 'Asia/Urumqi', '2026年12月17日 07:00'],
    ['2026-12-17T01:05:00.000Z', 'UTC', '2026年12月17日 01:05'],
    ['2026-12-17T01:00:00.000Z', 'Not/AZone', '2026年12月17日 09:00'],
    ['not a date', 'Asia/Shanghai', '—'],
  ])('%s in %s → %s', (iso, zone, expected) => {
    expect(formatZhDateTime(iso, zone)).toBe(expected);
  });

  it('dates: a plain date is not shifted; an instant is read in the zone', () => {
    expect(formatZhDate('2026-06-01')).toBe('2026年6月1日');
    expect(formatZhDate(new Date('2026-05-31T17:00:00Z'), 'Asia/Shanghai')).toBe('2026年6月1日');
  });
});

describe('one registry: the PDFs keep no label tables of their own', () => {
  it('no stage, role or seal name is spelled out as a string literal in libs/pdf or the document sources', () => {
    const words = [...Object.values(STAGE_LABELS_ZH_ALL), ...Object.values(ROLE_LABELS_ZH).filter((w) => w.length > 2), '业主委员会章'];
    const files = [
      ...sourceFiles(join(ROOT, 'libs', 'pdf', 'src')),
      join(ROOT, 'apps', 'api', 'src', 'documents', 'document-sources.service.ts'),
    ].filter((f) => !/samples\.ts$|testing/.test(f));
    const found = files.flatMap((file) => {
      // Code only: a comment may name a party as an example.
      const text = readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => !/^\s*(\*|\/\/|\/\*)/.test(line))
        .join('\n');
      return words.filter((w) => new RegExp(`['"\`]${w}['"\`]`).test(text)).map((w) => `${w} in ${file}`);
    });
    expect(found).toEqual([]);
  });
});
