import { PlusOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Input, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import {
  documentsApi,
  sealsApi,
  type DocumentDetail,
  type DocumentFilter,
  type DocumentStatus,
  type DocumentSummary,
  type SealRequest,
} from '../../api';
import { formatDateTime } from '../../format';
import { useLoad } from '../../hooks/useLoad';
import { DOCUMENT_STATUS_COLORS, DOCUMENT_STATUS_LABELS, DOCUMENT_TYPE_LABELS, SEAL_KIND_LABELS } from '../../labels';
import { PageHeader } from '../../layout/PageHeader';
import { COMMITTEE, hasAny } from '../../session/permissions';
import { useCommunity } from '../../session/useCommunity';
import { CreateDocumentModal } from './CreateDocumentModal';
import { PdfDownloadButton, PdfPreviewButton } from './PdfPreview';

const STAFF = [...COMMITTEE, 'party_secretary', 'residents_committee', 'property_company'] as const;

/** 文书库: every numbered document of the community; owners see sealed finals only. */
export default function DocumentsPage() {
  const { communityId, roles, isAdmin } = useCommunity();
  const staff = isAdmin || hasAny(roles, [...STAFF]);
  const committee = hasAny(roles, COMMITTEE);
  const [type, setType] = useState<DocumentFilter['type']>();
  const [status, setStatus] = useState<DocumentStatus>();
  const [text, setText] = useState('');
  // Type and status are the API's filters; the number/title search narrows what came back.
  const docs = useLoad(() => documentsApi.list(communityId, { type, status }), [communityId, type, status]);
  const shownDocs = useMemo(() => {
    const q = text.trim().toLowerCase();
    if (!q) return docs.data ?? [];
    return (docs.data ?? []).filter((d) => d.number.toLowerCase().includes(q) || d.title.toLowerCase().includes(q));
  }, [docs.data, text]);
  const requests = useLoad(() => (staff ? sealsApi.requests(communityId, {}, true) : Promise.resolve([])), [communityId, staff]);
  const [creating, setCreating] = useState(false);
  const [asking, setAsking] = useState<string>();

  if (!docs.data) return <Skeleton active paragraph={{ rows: 6 }} />;
  const pendingOf = (d: DocumentSummary): SealRequest | undefined =>
    requests.data?.find((r) => r.documentId === d.id && r.status === 'pending');

  const ask = async (d: DocumentSummary) => {
    setAsking(d.id);
    try {
      await sealsApi.ask(communityId, { documentId: d.id });
      requests.reload();
    } catch {
      // shown by the wrapper
    } finally {
      setAsking(undefined);
    }
  };

  return (
    <>
      <PageHeader
        title="文书库"
        extra={
          committee && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-document">
              生成文书
            </Button>
          )
        }
      />
      <Typography.Paragraph type="secondary">
        每份文书都有唯一编号。用章后的定稿可下载，并可在
        <Link to="/verify"> 验章页面 </Link>
        核对印章与文件是否与登记一致。
      </Typography.Paragraph>
      <Flex wrap gap={12} style={{ marginBottom: 16 }} data-testid="document-filters">
        <Input.Search
          aria-label="搜索编号或标题"
          placeholder="搜索编号或标题"
          allowClear
          style={{ flex: '1 1 240px', minWidth: 0 }}
          value={text}
          onChange={(e) => setText(e.target.value)}
          data-testid="document-search"
        />
        <Select
          aria-label="文书类型"
          placeholder="全部类型"
          allowClear
          style={{ flex: '0 1 220px', minWidth: 160 }}
          options={Object.entries(DOCUMENT_TYPE_LABELS).map(([value, label]) => ({ value, label }))}
          value={type}
          onChange={(v?: DocumentFilter['type']) => setType(v)}
          data-testid="document-type-filter"
        />
        {staff && (
          <Select
            aria-label="文书状态"
            placeholder="全部状态"
            allowClear
            style={{ flex: '0 1 160px', minWidth: 120 }}
            options={(['draft', 'final'] as DocumentStatus[]).map((value) => ({ value, label: DOCUMENT_STATUS_LABELS[value] }))}
            value={status}
            onChange={(v?: DocumentStatus) => setStatus(v)}
            data-testid="document-status-filter"
          />
        )}
      </Flex>
      {shownDocs.length === 0 && (
        <Card>
          <Empty description={docs.data.length === 0 && !type && !status ? '暂无文书' : '没有符合条件的文书'} />
        </Card>
      )}
      {shownDocs.map((d) => {
        const pending = pendingOf(d);
        // The request may need more seals than the document's own (the assembly seal for Art. 278 matters).
        const completed = requests.data?.find((r) => r.documentId === d.id && r.status === 'completed');
        const shown = completed?.requiredSeals ?? pending?.requiredSeals ?? d.requiredSeals;
        const applied = completed?.appliedSeals ?? (d.status === 'final' ? d.requiredSeals : (pending?.appliedSeals ?? []));
        return (
          <Card
            key={d.id}
            style={{ marginBottom: 16 }}
            data-testid="document"
            title={<span style={{ whiteSpace: 'normal' }}>{d.title}</span>}
            extra={
              <Tag color={DOCUMENT_STATUS_COLORS[d.status]} data-testid="document-status">
                {DOCUMENT_STATUS_LABELS[d.status]}
              </Tag>
            }
          >
            <Typography.Paragraph style={{ marginBottom: 8 }}>
              {d.typeLabel} · 编号{' '}
              <Typography.Text strong data-testid="document-number">
                {d.number}
              </Typography.Text>
            </Typography.Paragraph>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              生成于 {formatDateTime(d.createdAt)}
              {d.finalisedAt ? ` · 定稿于 ${formatDateTime(d.finalisedAt)}` : ''}
            </Typography.Paragraph>
            <Space wrap style={{ marginBottom: 12 }} data-testid="document-seals">
              {shown.map((k) => (
                <Tag key={k} color={applied.includes(k) ? 'green' : 'default'} icon={<SafetyCertificateOutlined />}>
                  {SEAL_KIND_LABELS[k]}
                  {applied.includes(k) ? '（已盖）' : '（未盖）'}
                </Tag>
              ))}
              {pending && <Tag color="blue">用章申请办理中</Tag>}
              {d.requiredSeals.length === 0 && (
                <Tag color={d.status === 'final' ? 'green' : 'orange'} data-testid="confirmed-by-attendees">
                  {d.status === 'final' ? '经全体出席人员确认（无需用章）' : '待与会人员确认（无需用章）'}
                </Tag>
              )}
            </Space>
            <Flex wrap gap={12}>
              {d.status === 'final' && (
                <>
                  <PdfDownloadButton path={documentsApi.filePath(communityId, d.id)} label="下载定稿 PDF" testId="download-final" />
                  <Link to={`/verify/${d.number}`}>
                    <Button data-testid="verify-link">{d.requiredSeals.length ? '查验印章' : '查验文件'}</Button>
                  </Link>
                </>
              )}
              {d.status === 'draft' && staff && <PdfPreviewButton path={documentsApi.previewPath(communityId, d.id)} label="预览草稿" />}
              {d.status === 'draft' && committee && !pending && requests.data && d.requiredSeals.length > 0 && (
                <Button type="primary" loading={asking === d.id} onClick={() => void ask(d)} data-testid="request-seals">
                  申请用章
                </Button>
              )}
              <Revisions communityId={communityId} documentId={d.id} />
            </Flex>
          </Card>
        );
      })}
      {creating && (
        <CreateDocumentModal
          communityId={communityId}
          onClose={() => setCreating(false)}
          onCreated={() => {
            setCreating(false);
            docs.reload();
          }}
        />
      )}
    </>
  );
}

/**
 * 文件摘要 (GET …/documents/{id}): the content digest and the SHA-256 of the file after each sealing, with who applied
 * which seal — what a reader compares a downloaded or printed copy against. Non-staff see the final file only.
 */
function Revisions({ communityId, documentId }: { communityId: string; documentId: string }) {
  const [detail, setDetail] = useState<DocumentDetail | null>(null);
  const [loading, setLoading] = useState(false);
  if (!detail)
    return (
      <Button
        loading={loading}
        data-testid="document-revisions-open"
        onClick={() => {
          setLoading(true);
          documentsApi
            .get(communityId, documentId)
            .then(setDetail, () => undefined)
            .finally(() => setLoading(false));
        }}
      >
        文件摘要
      </Button>
    );
  return (
    <div style={{ flexBasis: '100%', minWidth: 0 }} data-testid="document-revisions">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 4, wordBreak: 'break-all' }}>
        内容摘要（SHA-256）：{detail.contentDigest}
      </Typography.Paragraph>
      {detail.revisions.map((r) => (
        <Typography.Paragraph key={r.id} type="secondary" style={{ marginBottom: 4, wordBreak: 'break-all' }}>
          第 {r.revision} 版{r.isFinal ? '（定稿）' : ''} · {formatDateTime(r.createdAt)} · {r.size} 字节
          {r.seals.length > 0 && ` · ${r.seals.map((x) => `${x.custodianName}加盖${SEAL_KIND_LABELS[x.kind]}`).join('、')}`}
          <br />
          SHA-256：{r.sha256}
        </Typography.Paragraph>
      ))}
    </div>
  );
}
