import { INestApplication } from '@nestjs/common';
import { AgendaService } from '../apps/api/src/agenda/agenda.service';
import { VoteNoticeService } from '../apps/api/src/voting/vote-notice.service';
import { sealDemoNotice, type DemoSealPins } from './demo-seals';
import { atTime } from './demo-trust';
import { concludeDemoVote } from './demo-votes';

const DAY = 86_400_000;
const FOUR_PARTIES = ['党支部', '居委会', '业委会', '物业'].map((party) => ({ name: `${party}代表`, party, present: true }));

/**
 * Demo documents: a vote on the 1幢 water pump that closed five days ago. Its notice is sealed with both seals; at
 * the close its preliminary result (初步统计结果公示) was posted and sealed by the committee; the three-day objection
 * period has run without objections, and the committee issued the final 表决结果公告, sealed with both seals (so the
 * seal log is not empty). Seals of the first term, which loadDemoSeals issued: each custodian applies their seal
 * with the PIN they set there.
 */
export async function loadDemoDocuments(
  app: INestApplication,
  communityId: string,
  who: Record<string, string>,
  pins: DemoSealPins,
): Promise<void> {
  const agenda = app.get(AgendaService);
  const notices = app.get(VoteNoticeService);
  const now = Date.now();
  const meeting = (extra: object) => ({
    heldAt: new Date(now - 40 * DAY).toISOString(),
    place: '社区党群服务中心会议室',
    chair: '郑书记',
    attendees: FOUR_PARTIES,
    minutes: '与会各方就更换水泵的必要性、费用和施工时间发表了意见。',
    ...extra,
  });
  const item = await agenda.create(who.committee_member, communityId, {
    title: '更换 1 幢二次供水水泵',
    category: 'art278_5',
    description: '1 幢二次供水水泵老化漏水，拟动用专项维修资金更换。',
    budgetFen: '8000000',
    fundingSource: '专项维修资金',
  });
  const record = (actor: string, role: string, stage: string, body: object) =>
    agenda.recordMeeting(actor, [role as never], communityId, item.id, stage as never, meeting(body) as never);
  await record(who.party_secretary, 'party_secretary', 'party_prediscussion', { outcome: 'advance' });
  await record(who.committee_member, 'committee_member', 'joint_meeting', {
    outcome: 'advance',
    details: { plan: '更换 1 幢二次供水水泵两台，公开询价三家', options: ['国产变频水泵', '进口变频水泵'] },
  });
  await record(who.representative, 'representative', 'representatives_meeting', {
    outcome: 'advance',
    details: { opinions: [{ representative: '1 幢楼栋长', for: 30, against: 1, concerns: '施工期间须保障临时供水' }] },
  });

  const opensAt = new Date(now - 15 * DAY);
  const vote = await notices.createDraft(who.committee_member, communityId, item.id, {
    title: '2026 年第二次业主大会（更换水泵）',
    method: '网上投票与书面征求意见相结合',
    channels: ['online', 'paper'],
    opensAt: opensAt.toISOString(),
    closesAt: new Date(now - 5 * DAY).toISOString(),
    motions: [
      { title: '关于动用维修资金更换 1 幢水泵的议案', fullText: '动用专项维修资金人民币捌万元更换 1 幢二次供水水泵两台。', kind: 'yes_no' },
    ],
    noticeDetails: {
      paperReturnPlace: '物业服务中心一楼业主委员会票箱',
      scrutineers: ['李卫东（业主代表）', '周敏（业主代表）'],
      tellers: ['王芳（业委会委员）'],
      contacts: [{ name: '业主委员会办公室', phone: '0571-86120088' }],
    },
  });
  // Published and sealed by both custodians the same day, 18 days before voting opened.
  const publishedAt = new Date(opensAt.getTime() - 18 * DAY);
  await atTime(app, publishedAt, async () => {
    await notices.publish(who.committee_member, communityId, vote.id);
    await sealDemoNotice(app, communityId, vote.id, who, pins, publishedAt);
  });
  // Closed five days ago, its preliminary result sealed then; the final announcement after the objection period.
  await concludeDemoVote(app, communityId, vote.id, new Date(now - 5 * DAY), who, pins);

  // A notice sealed the day it is published, 20 days before its voting opens: every item a notice must state.
  const gate = await agenda.create(who.committee_member, communityId, {
    title: '选聘新的物业服务企业',
    category: 'art278_4',
    description: '现物业服务合同于 2027 年 3 月到期，拟公开选聘物业服务企业。',
    budgetFen: '0',
    fundingSource: '物业服务费',
  });
  const at = (stage: string, actor: string, role: string, body: object) =>
    agenda.recordMeeting(actor, [role as never], communityId, gate.id, stage as never, meeting(body) as never);
  await at('party_prediscussion', who.party_secretary, 'party_secretary', { outcome: 'advance' });
  await at('joint_meeting', who.committee_member, 'committee_member', {
    outcome: 'advance',
    details: { plan: '公开招标选聘物业服务企业，服务期三年', options: [] },
  });
  await at('representatives_meeting', who.representative, 'representative', {
    outcome: 'advance',
    details: { opinions: [{ representative: '5 幢楼栋长', for: 26, against: 2, concerns: '希望保留现有保安人员' }] },
  });
  const upcoming = await notices.createDraft(who.committee_member, communityId, gate.id, {
    title: '2027 年第一次业主大会（选聘物业服务企业）',
    method: '网上投票与书面征求意见相结合；纸质表决票由楼栋长送达并收回',
    channels: ['online', 'paper', 'proxy'],
    opensAt: new Date(now + 20 * DAY).toISOString(),
    closesAt: new Date(now + 34 * DAY).toISOString(),
    motions: [
      {
        title: '关于选聘物业服务企业的议案',
        fullText:
          '一、通过公开招标选聘物业服务企业，服务期三年；二、物业服务费标准不高于现行标准；三、授权业主委员会与中标企业签订物业服务合同。',
        kind: 'yes_no',
      },
    ],
    noticeDetails: {
      paperReturnPlace: '物业服务中心一楼业主委员会票箱',
      scrutineers: ['李卫东（业主代表）', '周敏（业主代表）'],
      tellers: ['王芳（业委会委员）', '陈刚（业委会委员）'],
      contacts: [{ name: '业主委员会办公室', phone: '0571-86120088' }],
    },
  });
  // Publishing registered the notice and asked for both seals (the system's request); the two custodians apply them.
  await notices.publish(who.committee_member, communityId, upcoming.id);
  await sealDemoNotice(app, communityId, upcoming.id, who, pins, new Date());
}
