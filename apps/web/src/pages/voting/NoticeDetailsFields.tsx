import { Card, DatePicker, Flex, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { NoticeDetails } from '../../api';

/** The form's shape of the notice's practical part (names joined by 、 in one field). */
export interface NoticeDetailsValue {
  paperReturnPlace?: string;
  paperReturnDeadline?: Dayjs | null;
  proxyProcedure?: string;
  countingAt?: Dayjs | null;
  countingPlace?: string;
  scrutineers?: string;
  tellers?: string;
  supervision?: string;
  resultAnnouncementDate?: Dayjs | null;
  contactName?: string;
  contactPhone?: string;
  copyTo?: string;
}

const names = (text?: string) =>
  (text ?? '')
    .split(/[、,，;；\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
const text = (value?: string) => value?.trim() || undefined;

export function toNoticeDetails(v: NoticeDetailsValue | undefined): NoticeDetails {
  const d = v ?? {};
  return {
    paperReturnPlace: text(d.paperReturnPlace),
    paperReturnDeadline: d.paperReturnDeadline?.format(),
    proxyProcedure: text(d.proxyProcedure),
    countingAt: d.countingAt?.format(),
    countingPlace: text(d.countingPlace),
    scrutineers: names(d.scrutineers),
    tellers: names(d.tellers),
    supervision: text(d.supervision),
    resultAnnouncementDate: d.resultAnnouncementDate?.startOf('day').format(),
    contacts: d.contactName?.trim() && d.contactPhone?.trim() ? [{ name: d.contactName.trim(), phone: d.contactPhone.trim() }] : [],
    copyTo: names(d.copyTo),
  };
}

export function fromNoticeDetails(d: NoticeDetails | undefined, fallbackContact: string): NoticeDetailsValue {
  const at = (v?: string) => (v ? dayjs(v) : null);
  return {
    paperReturnPlace: d?.paperReturnPlace,
    paperReturnDeadline: at(d?.paperReturnDeadline),
    proxyProcedure: d?.proxyProcedure,
    countingAt: at(d?.countingAt),
    countingPlace: d?.countingPlace,
    scrutineers: d?.scrutineers?.join('、'),
    tellers: d?.tellers?.join('、'),
    supervision: d?.supervision,
    resultAnnouncementDate: at(d?.resultAnnouncementDate),
    contactName: d?.contacts?.[0]?.name ?? fallbackContact,
    contactPhone: d?.contacts?.[0]?.phone,
    copyTo: d?.copyTo?.join('、'),
  };
}

/**
 * 公告的实务事项: where paper ballots go back and by when, the proxy procedure, counting time and place, 监票人/计票人,
 * 居委会 supervision, the result date, contacts and 抄送. Empty fields are printed with the defaults shown as hints.
 */
export function NoticeDetailsFields({ communityName, proxyCap }: { communityName: string; proxyCap: number }) {
  const f = (name: keyof NoticeDetailsValue) => ['details', name];
  return (
    <Card size="small" title="公告须载明的事项（纸质票、委托、计票、监督、结果公布、联系人、抄送）" style={{ marginBottom: 16 }}>
      <Flex gap={12} wrap>
        <Form.Item name={f('paperReturnPlace')} label="纸质表决票交回地点" style={{ flex: '1 1 280px' }}>
          <Input
            data-testid="notice-paper-place"
            maxLength={300}
            placeholder={`留空：${communityName}业主委员会办公室（纸质表决票投票箱）`}
          />
        </Form.Item>
        <Form.Item name={f('paperReturnDeadline')} label="交回截止时间" style={{ flex: '1 1 220px' }}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" placeholder="留空：投票截止时间" style={{ width: '100%' }} />
        </Form.Item>
      </Flex>
      <Form.Item name={f('proxyProcedure')} label="委托投票办法">
        <Input.TextArea
          autoSize={{ minRows: 2 }}
          maxLength={2000}
          placeholder={`留空：书面委托书交业主委员会登记，经两名委员核对后计入；每名受托人最多接受 ${proxyCap} 名业主委托，物业工作人员不得受托`}
        />
      </Form.Item>
      <Flex gap={12} wrap>
        <Form.Item name={f('countingAt')} label="计票时间" style={{ flex: '1 1 220px' }}>
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            placeholder="留空：截止次日 09:00"
            style={{ width: '100%' }}
          />
        </Form.Item>
        <Form.Item name={f('countingPlace')} label="计票地点" style={{ flex: '1 1 280px' }}>
          <Input maxLength={300} placeholder="留空：业主委员会办公室（公开计票）" />
        </Form.Item>
      </Flex>
      <Flex gap={12} wrap>
        <Form.Item
          name={f('scrutineers')}
          label="监票人（用、分隔）"
          style={{ flex: '1 1 240px' }}
          rules={[{ required: true, whitespace: true, message: '请填写监票人（业主代表等）' }]}
        >
          <Input data-testid="notice-scrutineers" maxLength={500} />
        </Form.Item>
        <Form.Item
          name={f('tellers')}
          label="计票人（用、分隔）"
          style={{ flex: '1 1 240px' }}
          rules={[{ required: true, whitespace: true, message: '请填写计票人' }]}
        >
          <Input data-testid="notice-tellers" maxLength={500} />
        </Form.Item>
      </Flex>
      <Flex gap={12} wrap>
        <Form.Item name={f('supervision')} label="居委会监督" style={{ flex: '1 1 280px' }}>
          <Input maxLength={500} placeholder="留空：社区居民委员会派员全程监督计票" />
        </Form.Item>
        <Form.Item name={f('resultAnnouncementDate')} label="结果公布日期" style={{ flex: '1 1 220px' }}>
          <DatePicker format="YYYY-MM-DD" placeholder="留空：计票后第一个工作日" style={{ width: '100%' }} />
        </Form.Item>
      </Flex>
      <Flex gap={12} wrap>
        <Form.Item
          name={f('contactName')}
          label="联系人"
          style={{ flex: '1 1 200px' }}
          rules={[{ required: true, whitespace: true, message: '请填写联系人' }]}
        >
          <Input data-testid="notice-contact-name" maxLength={100} />
        </Form.Item>
        <Form.Item
          name={f('contactPhone')}
          label="联系电话"
          style={{ flex: '1 1 200px' }}
          rules={[
            { required: true, whitespace: true, message: '请填写联系电话' },
            { pattern: /^[0-9+\-() ]{5,30}$/, message: '联系电话格式不正确' },
          ]}
        >
          <Input data-testid="notice-contact-phone" maxLength={30} inputMode="tel" />
        </Form.Item>
      </Flex>
      <Form.Item name={f('copyTo')} label="抄送（用、分隔）">
        <Input maxLength={500} placeholder={`留空：${communityName}所在社区居民委员会、所在街道办事处`} />
      </Form.Item>
    </Card>
  );
}
