import { Alert, Button, Card, Empty, Flex, Input, Rate, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { servicesApi } from '../../api/services';
import { useLoad } from '../../hooks/useLoad';
import { useSubmit } from '../../hooks/useSubmit';
import { PageHeader } from '../../layout/PageHeader';
import { useCommunity } from '../../session/useCommunity';

/** 物业服务评价: each household (unit) rates the property company once per quarter, 1–5 stars per published criterion. */
export default function ServiceRatingPage() {
  const { communityId } = useCommunity();
  const form = useLoad(() => servicesApi.ratingForm(communityId), [communityId]);
  const [unitId, setUnitId] = useState<string>();
  const [scores, setScores] = useState<Record<string, number>>({});
  const [comment, setComment] = useState('');
  const [done, setDone] = useState<string>();
  const submit = useSubmit(async () => {
    const given = await servicesApi.rate(communityId, { unitId: chosen!, scores, comment: comment.trim() || undefined });
    setDone(`已提交 ${given.unitNumber} 的评价，谢谢！`);
    setScores({});
    setComment('');
    setUnitId(undefined);
    form.reload();
  });
  if (!form.data) return <Skeleton active paragraph={{ rows: 6 }} />;
  const f = form.data;
  const open = f.units.filter((u) => !u.rated);
  const chosen = unitId ?? open[0]?.unitId;
  const complete = f.criteria.every((c) => (scores[c] ?? 0) >= 1);
  return (
    <>
      <PageHeader title="物业服务评价" />
      <Typography.Paragraph>
        {f.quarterLabel}，每户每季度评价一次。评价结果与诉求办理情况一起形成物业服务星级和红黑榜，在小区公示页公开。
      </Typography.Paragraph>
      {done && <Alert type="success" showIcon message={done} style={{ marginBottom: 12 }} data-testid="rating-done" />}
      {f.closed && <Alert type="info" showIcon message="本季度评价结果已公布，评价已截止" style={{ marginBottom: 12 }} />}
      {f.units.length === 0 && (
        <Card>
          <Empty description="您名下没有登记的房屋，不能评价" />
        </Card>
      )}
      <Flex gap={6} wrap style={{ marginBottom: 12 }}>
        {f.units.map((u) => (
          <Tag
            key={u.unitId}
            color={u.rated ? 'green' : u.unitId === chosen ? 'blue' : undefined}
            onClick={() => !u.rated && setUnitId(u.unitId)}
          >
            {u.number}
            {u.rated ? '（已评）' : ''}
          </Tag>
        ))}
      </Flex>
      {!f.closed && chosen && (
        <Card title={`为 ${f.units.find((u) => u.unitId === chosen)?.number ?? ''} 评价`}>
          <Flex vertical gap={14}>
            {f.criteria.map((c) => (
              <Flex key={c} justify="space-between" align="center" wrap gap={8} data-testid="rating-criterion">
                <Typography.Text strong>{c}</Typography.Text>
                <Rate
                  value={scores[c] ?? 0}
                  onChange={(v) => setScores((s) => ({ ...s, [c]: v }))}
                  aria-label={`${c}评分`}
                  style={{ fontSize: 28 }}
                />
              </Flex>
            ))}
            <Input.TextArea
              rows={3}
              maxLength={1000}
              placeholder="意见和建议（可不填）"
              value={comment}
              onChange={(e) => setComment(e.target.value)}
            />
            <Button type="primary" size="large" block disabled={!complete} loading={submit.busy} onClick={() => void submit.run()}>
              {complete ? '提交评价' : '请为每一项打分'}
            </Button>
          </Flex>
        </Card>
      )}
      {!f.closed && f.units.length > 0 && !chosen && <Alert type="success" showIcon message="您名下各户本季度都已评价" />}
    </>
  );
}
