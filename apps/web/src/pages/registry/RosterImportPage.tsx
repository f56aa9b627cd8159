import { CheckCircleOutlined, DownloadOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Result, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError, registryApi, type RosterError, type RosterImportResult } from '../../api';
import { PageHeader } from '../../layout/PageHeader';
import { downloadRosterTemplate, ROSTER_COLUMNS } from './roster-template';

type Outcome =
  | { kind: 'done'; result: RosterImportResult; fileName: string }
  | { kind: 'invalid'; message: string; errors: RosterError[]; fileName: string }
  | { kind: 'failed'; message: string };

function rosterErrors(error: unknown): RosterError[] | null {
  if (!(error instanceof ApiError) || error.code !== 'roster_invalid') return null;
  const errors = (error.details as { errors?: RosterError[] } | undefined)?.errors;
  return Array.isArray(errors) ? errors : [];
}

export default function RosterImportPage() {
  const { communityId = '' } = useParams();
  const [file, setFile] = useState<File | null>(null);
  const [uploading, setUploading] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const upload = async () => {
    if (!file) return;
    setUploading(true);
    setOutcome(null);
    try {
      const result = await registryApi.importRoster(communityId, file);
      setOutcome({ kind: 'done', result, fileName: file.name });
      setFile(null);
    } catch (error) {
      const errors = rosterErrors(error);
      if (errors) setOutcome({ kind: 'invalid', message: (error as Error).message, errors, fileName: file.name });
      else setOutcome({ kind: 'failed', message: error instanceof Error ? error.message : '导入失败' });
    } finally {
      setUploading(false);
    }
  };

  return (
    <>
      <PageHeader
        title="导入房屋花名册"
        extra={
          <Button icon={<DownloadOutlined />} onClick={downloadRosterTemplate} data-testid="download-template">
            下载模板（CSV）
          </Button>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Typography.Paragraph>
          支持 <strong>CSV</strong> 或 <strong>Excel（.xlsx）</strong> 文件，第一行为表头。文件中任何一行有错，<strong>全部不导入</strong>
          ，请按下方提示改正后重新上传。再次导入同一小区时，会更新已有房屋。
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          表头：{ROSTER_COLUMNS.join('、')}。面积来源填 登记 / 实测 / 合同；状态填 已售 / 未售 / 未交付；类型填 住宅 / 商业 / 车位；
          共有人写成「姓名:手机;姓名」；投票人填共有人中代表投票的一位（默认业主本人）。
        </Typography.Paragraph>
      </Card>
      <Card style={{ marginBottom: 16 }}>
        <Upload.Dragger
          accept=".csv,.xlsx"
          maxCount={1}
          multiple={false}
          fileList={file ? [{ uid: 'roster', name: file.name, status: 'done', size: file.size }] : []}
          beforeUpload={(chosen) => {
            setFile(chosen);
            setOutcome(null);
            return false;
          }}
          onRemove={() => setFile(null)}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">点击这里选择花名册文件，或把文件拖到这里</p>
          <p className="ant-upload-hint">CSV 或 .xlsx，最大 10 MB</p>
        </Upload.Dragger>
        <Flex justify="center" style={{ marginTop: 16 }}>
          <Button
            type="primary"
            icon={<UploadOutlined />}
            disabled={!file}
            loading={uploading}
            onClick={upload}
            style={{ minWidth: 200, height: 52, fontSize: 20 }}
            data-testid="start-import"
          >
            开始导入
          </Button>
        </Flex>
      </Card>

      {outcome?.kind === 'done' && (
        <Card data-testid="import-result">
          <Result
            status="success"
            icon={<CheckCircleOutlined />}
            title="导入成功"
            subTitle={`文件「${outcome.fileName}」共 ${outcome.result.rows} 行，已全部导入。`}
            extra={
              <Link to={`/c/${communityId}/overview`}>
                <Button type="primary">查看小区概况</Button>
              </Link>
            }
          />
          <Descriptions
            bordered
            column={{ xs: 1, sm: 2 }}
            items={[
              { key: 'rows', label: '数据行', children: outcome.result.rows },
              { key: 'buildingsCreated', label: '新增楼栋', children: outcome.result.buildingsCreated },
              { key: 'unitsCreated', label: '新增房屋', children: outcome.result.unitsCreated },
              { key: 'unitsUpdated', label: '更新房屋', children: outcome.result.unitsUpdated },
              { key: 'unitsUnchanged', label: '未变化房屋', children: outcome.result.unitsUnchanged },
              { key: 'ownersCreated', label: '新增业主', children: outcome.result.ownersCreated },
              { key: 'ownershipChanged', label: '产权变更', children: outcome.result.ownershipChanged },
              { key: 'unitsNotInFile', label: '文件中未出现的已有房屋（保持不变）', children: outcome.result.unitsNotInFile },
            ]}
          />
        </Card>
      )}

      {outcome?.kind === 'invalid' && (
        <Card data-testid="import-errors">
          <Alert
            type="error"
            showIcon
            title={`文件「${outcome.fileName}」有 ${outcome.errors.length} 处错误，未导入任何数据`}
            description="请按下表改正文件中对应的行（行号即 Excel 左侧的行号，表头是第 1 行），然后重新上传。"
            style={{ marginBottom: 16 }}
          />
          <Table<RosterError & { key: number }>
            rowKey="key"
            dataSource={outcome.errors.map((e, i) => ({ ...e, key: i }))}
            pagination={outcome.errors.length > 50 ? { pageSize: 50 } : false}
            columns={[
              { title: '行号', dataIndex: 'line', width: 100, render: (line: number) => `第 ${line} 行` },
              { title: '问题', dataIndex: 'reason' },
            ]}
          />
        </Card>
      )}

      {outcome?.kind === 'failed' && (
        <Alert type="error" showIcon title="导入失败" description={outcome.message} data-testid="import-failed" />
      )}
    </>
  );
}
