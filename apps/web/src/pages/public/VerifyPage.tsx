import { useEffect, useState, type ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { verifyApi, type NumberVerification, type SealCheck, type UploadVerification } from '../../api';
import { formatDateTime } from '../../format';
import { PublicShell } from '../../lite/LiteShell';
import { Alert, Button, Card, FileButton, Pairs } from '../../lite/ui';
import { RecordCheckpointResult } from './RecordCheckpointResult';

type Report =
  | { source: 'number'; data: NumberVerification }
  | { source: 'file'; data: UploadVerification; name: string }
  | { source: 'error'; title: string; message: string };

/** A seal's own check, worded so that it never contradicts the one verdict shown above it. */
function sealState(seal: SealCheck): string {
  if (seal.valid) return seal.coversWholeFile ? '签名完好，覆盖整份文件' : '签名完好，但只覆盖盖章时的版本';
  return seal.problems.join('；') || '签名未通过检查';
}

const CHANGE_LABEL: Record<NonNullable<UploadVerification['change']>, string> = {
  pages_added: '增加了页面',
  content_changed: '改动了页面内容',
  metadata_only: '只改动了文档属性（元数据），页面内容未变',
};

/** Which revision the verdict is about, in the verdict's own terms (a change after the last seal is a new revision). */
function revisionLabel(data: UploadVerification): string | null {
  const r = data.revision;
  if (!r) return null;
  if (data.verdict === 'changed_after_sealing')
    return r.n > r.of ? `第 ${r.of} 次盖章之后追加的第 ${r.n} 版` : `第 ${r.n} 次盖章（共 ${r.of} 次）所覆盖的内容`;
  if (data.verdict === 'seal_missing') return `第 ${r.n} 版（共 ${r.of} 版）`;
  return `第 ${r.n} 个印章签名（共 ${r.of} 个）`;
}

/** The verdict's structured facts (how the file was changed, which revision), beside the headline and detail. */
function VerdictFacts({ data }: { data: UploadVerification }) {
  const revision = revisionLabel(data);
  const items: [string, ReactNode][] = [];
  if (data.change)
    items.push([
      '改动方式',
      <span data-testid="verdict-change" data-change={data.change}>
        {CHANGE_LABEL[data.change]}
      </span>,
    ]);
  if (revision)
    items.push([
      '涉及版本',
      <span data-testid="verdict-revision" data-revision={`${data.revision!.n}/${data.revision!.of}`}>
        {revision}
      </span>,
    ]);
  return items.length ? <Pairs items={items} /> : null;
}

function SealCard({ seal, index }: { seal: SealCheck; index: number }) {
  return (
    <Card data-testid="verified-seal" title={`第 ${index + 1} 枚：${seal.sealKindLabel ?? '印章'}`} style={{ marginBottom: 12 }}>
      <Pairs
        style={{ margin: 0 }}
        items={[
          ['印章', seal.sealName],
          ['用章人', seal.appliedBy ?? '—'],
          ['签章时间', seal.signingTime ? formatDateTime(seal.signingTime) : '—'],
          [
            '可信时间',
            <span data-testid="seal-trusted-time">
              {seal.trustedTime
                ? `${formatDateTime(seal.trustedTime)}（${seal.timestampAuthority ?? '时间戳服务'}）`
                : seal.timestamped
                  ? '所附时间戳无效'
                  : '无可信时间戳'}
            </span>,
          ],
          ...(seal.revokedAt ? [['印章停用', formatDateTime(seal.revokedAt)] as [string, string]] : []),
          ['签名检查', <span data-testid="seal-validity">{sealState(seal)}</span>],
        ]}
      />
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
      .catch((e: Error) => setReport({ source: 'error', title: `编号：${documentNumber}`, message: e.message }))
      .finally(() => setLoading(false));
  }, [documentNumber]);

  const upload = async (file: File) => {
    setLoading(true);
    try {
      setReport({ source: 'file', data: await verifyApi.upload(file), name: file.name });
    } catch (e) {
      setReport({ source: 'error', title: `文件：${file.name}`, message: (e as Error).message });
    } finally {
      setLoading(false);
    }
  };

  const doc = report?.source === 'number' ? report.data : report?.source === 'file' ? report.data.document : null;
  const signatures = report && report.source !== 'error' ? report.data.signatures : [];

  const search = () => {
    const v = number.trim();
    if (v) navigate(`/verify/${encodeURIComponent(v.toUpperCase())}`);
  };

  return (
    <PublicShell title="文书验章">
      <h1 style={{ fontSize: '1.55em' }}>文书验章</h1>
      <p className="gy-l-muted">输入文书上印的编号，或上传您手中的 PDF 文件，查看每一枚印章是否有效、文件是否与登记的定稿完全一致。</p>
      <Card>
        <form
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            search();
          }}
        >
          <label htmlFor="verify-number-input" className="gy-l-field" style={{ marginBottom: 8 }}>
            文书编号
          </label>
          <div className="gy-l-row" style={{ flexWrap: 'nowrap', gap: 8 }}>
            <input
              id="verify-number-input"
              className="gy-l-input"
              placeholder="例如 GY-3F9A2C1B-2026-000001"
              value={number}
              onChange={(e) => setNumber(e.target.value)}
              autoCapitalize="characters"
              data-testid="verify-number"
            />
            <Button kind="primary" type="submit" style={{ whiteSpace: 'nowrap' }}>
              按编号查验
            </Button>
          </div>
        </form>
        <div className="gy-l-divider">或</div>
        <div className="gy-l-row">
          <FileButton accept="application/pdf,.pdf" onFile={(f) => void upload(f)} disabled={loading} data-testid="verify-upload">
            {loading ? '正在查验…' : '上传 PDF 验章'}
          </FileButton>
          <Button href={verifyApi.rootCaUrl} download>
            下载印章根证书
          </Button>
        </div>
      </Card>

      {report?.source === 'error' && (
        <Card title={report.title} data-testid="verify-report">
          <Alert type="error" title={<span data-testid="verdict">{report.message}</span>} />
        </Card>
      )}
      {report && report.source !== 'error' && (
        <Card title={report.source === 'file' ? `文件：${report.name}` : `编号：${report.data.number}`} data-testid="verify-report">
          <Alert
            type={report.data.ok ? 'success' : 'error'}
            title={<span data-testid="verdict">{report.data.headline}</span>}
            description={<span data-testid="verdict-detail">{report.data.detail}</span>}
            data-verdict={report.data.verdict}
          />
          {report.source === 'file' && <VerdictFacts data={report.data} />}
          {report.source === 'file' && <RecordCheckpointResult checks={report.data.recordCheckpoints} />}
          {doc && (
            <Pairs
              items={[
                ['登记的文书', doc.title],
                ['类型', doc.typeLabel],
                ['编号', doc.number],
                ['小区', doc.communityName],
                ['定稿时间', formatDateTime(doc.finalisedAt)],
                ['登记的印章', doc.seals.map((s) => `${s.sealName}（${s.appliedBy}）`).join('、')],
                [
                  '登记摘要',
                  <span className="gy-l-mono" style={{ fontSize: 16 }}>
                    {doc.registeredSha256}
                  </span>,
                ],
              ]}
            />
          )}
          {doc && (
            <Button href={verifyApi.fileUrl(doc.number)} download data-testid="download-registered" style={{ marginBottom: 12 }}>
              下载登记的定稿（与纸质文件比对）
            </Button>
          )}
          {signatures.length > 0 && <h2 style={{ fontSize: '1.2em' }}>文件中的印章签名（{signatures.length} 个）</h2>}
          {signatures.map((s, i) => (
            <SealCard key={i} seal={s} index={i} />
          ))}
        </Card>
      )}
    </PublicShell>
  );
}
