import { ConfirmButton } from '../../components/ConfirmButton';
import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Row, Skeleton, Statistic, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError, financeApi, type Reconciliation } from '../../api';
import { formatYuan } from '../../format';
import { useLoad } from '../../hooks/useLoad';
import { PageHeader } from '../../layout/PageHeader';
import { useCommunity } from '../../session/useCommunity';
import { DifferenceList, type Difference } from './DifferenceList';

function differences(r: Reconciliation): Difference[] {
  return [
    ...r.unmatchedLedger.map((u) => ({
      id: u.id,
      side: 'ledger' as const,
      date: u.entry.entryDate,
      signedFen: u.entry.signedFen,
      text: `第 ${u.entry.seq} 号 ${u.entry.category}`,
      reference: u.entry.evidenceRef,
      explanation: u.explanation,
    })),
    ...r.unmatchedBank.map((u) => ({
      id: u.id,
      side: 'bank' as const,
      date: u.line.valueDate,
      signedFen: u.line.signedFen,
      text: `流水第 ${u.line.line} 行 ${u.line.description}`,
      reference: u.line.reference,
      explanation: u.explanation,
    })),
  ];
}

/** The bank's reconciliation: upload the account statement, explain each difference, sign off when all are explained. */
export default function ReconciliationPage() {
  const { statementId = '' } = useParams();
  const { communityId, roles } = useCommunity();
  const { message } = App.useApp();
  const statement = useLoad(() => financeApi.statement(communityId, statementId), [communityId, statementId]);
  const rec = useLoad(() => financeApi.reconciliation(communityId, statementId), [communityId, statementId]);
  const [uploadErrors, setUploadErrors] = useState<{ line: number; reason: string }[] | null>(null);
  const [uploading, setUploading] = useState(false);
  const [signing, setSigning] = useState(false);
  const isBank = roles.includes('bank_officer');
  const atBank = statement.data?.status === 'bank_review';

  if (!statement.data || !rec.data) return <Skeleton active paragraph={{ rows: 8 }} />;
  const r = rec.data;
  const diffs = differences(r);

  const upload = async (file: File) => {
    setUploading(true);
    setUploadErrors(null);
    try {
      await financeApi.uploadBankStatement(communityId, statementId, file);
      message.success('银行对账单已上传，系统已逐笔核对');
      rec.reload();
    } catch (e) {
      const errors = e instanceof ApiError ? (e.details as { errors?: { line: number; reason: string }[] } | undefined)?.errors : undefined;
      setUploadErrors(errors ?? [{ line: 0, reason: e instanceof Error ? e.message : '上传失败' }]);
    } finally {
      setUploading(false);
    }
  };

  const signOff = async () => {
    setSigning(true);
    try {
      await financeApi.review(communityId, statementId, 'approve');
      message.success('银行对账已签字，转审计机构审计');
      statement.reload();
    } catch {
      // shown by the fetch wrapper
    } finally {
      setSigning(false);
    }
  };

  return (
    <>
      <Link to={`/c/${communityId}/statements/${statementId}`}>返回报表</Link>
      <PageHeader title={`银行对账 ${statement.data.periodStart} 至 ${statement.data.periodEnd}（第 ${statement.data.version} 版）`} />
      {isBank && atBank && (
        <Card style={{ marginBottom: 16 }}>
          <Typography.Paragraph>
            上传本期账户流水（CSV，表头含「交易日期」和「金额」或「收入」「支出」，可有「摘要」「参考号」）。重新上传会替换上一次的流水和说明。
          </Typography.Paragraph>
          <Upload
            accept=".csv"
            showUploadList={false}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={uploading} data-testid="upload-bank-csv">
              上传银行流水
            </Button>
          </Upload>
          {uploadErrors && (
            <Alert
              type="error"
              showIcon
              style={{ marginTop: 12 }}
              title={`银行流水有 ${uploadErrors.length} 处错误，未导入`}
              description={uploadErrors.map((e) => `${e.line ? `第 ${e.line} 行：` : ''}${e.reason}`).join('；')}
            />
          )}
        </Card>
      )}
      {!r.uploaded ? (
        <Alert type="info" showIcon title="银行尚未上传本期流水。" />
      ) : (
        <>
          <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title="已匹配" value={r.matched.length} suffix="笔" />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title="台账未匹配" value={r.unmatchedLedger.length} suffix="笔" />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title="银行未匹配" value={r.unmatchedBank.length} suffix="笔" />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title="尚未说明" value={r.unexplained.length} suffix="笔" />
              </Card>
            </Col>
          </Row>
          <Card title="差异及说明" style={{ marginBottom: 16 }}>
            <DifferenceList
              items={diffs}
              canExplain={isBank && atBank}
              onExplain={async (id, text) => {
                await financeApi.explain(communityId, statementId, id, text);
                rec.reload();
              }}
            />
            {isBank && atBank && (
              <ConfirmButton
                type="primary"
                style={{ marginTop: 8 }}
                disabled={r.unexplained.length > 0 || signing}
                data-testid="bank-sign-off"
                confirmTitle="银行对账：签字通过？"
                okText="确认签字"
                consequence={<p>您的签字确认台账与银行流水一致（差异均已说明），将记入决策记录，报表随即转到审计机构。</p>}
                onConfirm={signOff}
              >
                {r.unexplained.length > 0 ? `尚有 ${r.unexplained.length} 笔差异未说明` : '全部已核对，签字通过'}
              </ConfirmButton>
            )}
          </Card>
          <Card title={`已匹配（${r.matched.length} 笔）`}>
            <Table
              size="small"
              rowKey={(m) => m.ledger.entryId}
              dataSource={r.matched}
              pagination={r.matched.length > 50 ? { pageSize: 50 } : false}
              columns={[
                { title: '台账日期', key: 'ld', render: (_, m) => m.ledger.entryDate },
                { title: '类别', key: 'cat', render: (_, m) => m.ledger.category },
                { title: '银行日期', key: 'bd', responsive: ['md'], render: (_, m) => m.bank.valueDate },
                { title: '摘要', key: 'desc', responsive: ['lg'], render: (_, m) => m.bank.description },
                { title: '金额（元）', key: 'amt', align: 'right', render: (_, m) => formatYuan(m.ledger.signedFen) },
              ]}
            />
          </Card>
        </>
      )}
    </>
  );
}
