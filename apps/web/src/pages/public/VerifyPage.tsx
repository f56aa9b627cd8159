import { CheckCircleFilled, CloseCircleFilled, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Divider, Flex, Input, Tag, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { verifyApi, type NumberVerification, type SealCheck, type UploadVerification } from '../../api';
import { formatDateTime } from '../../format';
import { PublicShell } from './PublicShell';

type Report = { source: 'number'; data: NumberVerification } | { source: 'file'; data: UploadVerification; name: string };

const VERDICTS: Record<UploadVerification['verdict'], { type: 'success' | 'warning' | 'error'; text: string }> = {
  authentic: { type: 'success', text: '印章有效，文件与登记的定稿完全一致' },
  signatures_valid_not_registered: { type: 'warning', text: '印章签名有效，但该文件不是登记的定稿（可能是其他版本）' },
  invalid: { type: 'error', text: '印章无效：文件被改动过，或签名不是由本平台的印章作出' },
};

function Yes({ ok, yes, no }: { ok: boolean; yes: string; no: string }) {
  return ok ? (
    <Typography.Text type="success">
      <CheckCircleFilled /> {yes}
    </Typography.Text>
  ) : (
    <Typography.Text type="danger">
      <CloseCircleFilled /> {no}
    </Typography.Text>
  );
}

function SealCard({ seal, index }: { seal: SealCheck; index: number }) {
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      data-testid="verified-seal"
      title={`第 ${index + 1} 枚：${seal.sealKindLabel ?? '印章'}`}
    >
      <Descriptions column={1} size="small">
        <Descriptions.Item label="印章">{seal.sealName}</Descriptions.Item>
        <Descriptions.Item label="用章人">{seal.appliedBy ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="签章时间">{seal.signingTime ? formatDateTime(seal.signingTime) : '—'}</Descriptions.Item>
        <Descriptions.Item label="结论">
          <span data-testid="seal-validity">
            <Yes ok={seal.valid} yes="有效" no="无效" />
          </span>
        </Descriptions.Item>
        <Descriptions.Item label="签名后内容">
          <Yes ok={seal.integrity} yes="未被改动" no="已被改动" />
        </Descriptions.Item>
        <Descriptions.Item label="证书">
          <Yes ok={seal.chainTrusted} yes="由平台根证书签发" no="不是本平台签发" />
        </Descriptions.Item>
      </Descriptions>
      {seal.problems.length > 0 && <Alert type="warning" title={seal.problems.join('；')} />}
    </Card>
  );
}

/** 验章: anyone holding a printed number or a PDF checks its seals and its registration, without logging in. */
export default function VerifyPage() {
  const { documentNumber } = useParams();
  const navigate = useNavigate();
  const [number, setNumber] = useState(documentNumber ?? '');
  const [report, setReport] = useState<Report>();
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    if (!documentNumber) return;
    setNumber(documentNumber);
    setLoading(true);
    verifyApi
      .byNumber(documentNumber)
      .then((data) => setReport({ source: 'number', data }))
      .catch(() => setReport(undefined))
      .finally(() => setLoading(false));
  }, [documentNumber]);

  const upload = async (file: File) => {
    setLoading(true);
    try {
      setReport({ source: 'file', data: await verifyApi.upload(file), name: file.name });
    } catch {
      setReport(undefined);
    } finally {
      setLoading(false);
    }
  };

  const doc = report?.source === 'number' ? report.data : report?.data.document;
  const signatures = report?.data.signatures ?? [];

  return (
    <PublicShell title="文书验章">
      <Typography.Title level={2}>文书验章</Typography.Title>
      <Typography.Paragraph type="secondary">
        输入文书上印的编号，或上传您手中的 PDF 文件，查看每一枚印章是否有效、文件是否与登记的定稿完全一致。
      </Typography.Paragraph>
      <Card style={{ marginBottom: 16 }}>
        <Input.Search
          placeholder="例如 GY-3F9A2C1B-2026-000001"
          enterButton="按编号查验"
          value={number}
          onChange={(e) => setNumber(e.target.value)}
          onSearch={(v) => v.trim() && navigate(`/verify/${encodeURIComponent(v.trim().toUpperCase())}`)}
          aria-label="文书编号"
          data-testid="verify-number"
        />
        <Divider plain>或</Divider>
        <Flex wrap gap={12}>
          <Upload accept="application/pdf,.pdf" showUploadList={false} beforeUpload={(f) => (void upload(f), false)}>
            <Button icon={<UploadOutlined />} loading={loading} data-testid="verify-upload">
              上传 PDF 验章
            </Button>
          </Upload>
          <Button icon={<DownloadOutlined />} href={verifyApi.rootCaUrl} download>
            下载印章根证书
          </Button>
        </Flex>
      </Card>

      {report && (
        <Card title={report.source === 'file' ? `文件：${report.name}` : `编号：${report.data.number}`} data-testid="verify-report">
          {report.source === 'file' ? (
            <Alert
              showIcon
              type={VERDICTS[report.data.verdict].type}
              title={VERDICTS[report.data.verdict].text}
              style={{ marginBottom: 12 }}
            />
          ) : (
            <Alert
              showIcon
              type={report.data.signaturesValid ? 'success' : 'error'}
              title={report.data.signaturesValid ? '登记的定稿完好，印章均有效' : '登记的定稿未通过验章，请联系业委会'}
              style={{ marginBottom: 12 }}
            />
          )}
          {report.source === 'file' && (
            <Typography.Paragraph data-testid="matches-registered">
              与登记的定稿：
              <Yes ok={report.data.matchesRegistered} yes="逐字节一致" no="不一致或未登记" />
            </Typography.Paragraph>
          )}
          {doc && (
            <Descriptions column={1} size="small" style={{ marginBottom: 12 }}>
              <Descriptions.Item label="文书">{doc.title}</Descriptions.Item>
              <Descriptions.Item label="类型">{doc.typeLabel}</Descriptions.Item>
              <Descriptions.Item label="编号">{doc.number}</Descriptions.Item>
              <Descriptions.Item label="小区">{doc.communityName}</Descriptions.Item>
              <Descriptions.Item label="定稿时间">{formatDateTime(doc.finalisedAt)}</Descriptions.Item>
              <Descriptions.Item label="登记摘要">
                <Typography.Text style={{ wordBreak: 'break-all', fontSize: 14 }}>{doc.registeredSha256}</Typography.Text>
              </Descriptions.Item>
            </Descriptions>
          )}
          <Typography.Title level={4}>
            印章（{signatures.length} 枚）{' '}
            {signatures.length > 0 && (
              <Tag color={signatures.every((s) => s.valid) ? 'green' : 'red'}>
                {signatures.every((s) => s.valid) ? '全部有效' : '有无效印章'}
              </Tag>
            )}
          </Typography.Title>
          {signatures.map((s, i) => (
            <SealCard key={i} seal={s} index={i} />
          ))}
        </Card>
      )}
    </PublicShell>
  );
}
