import { DownloadOutlined, EyeOutlined } from '@ant-design/icons';
import { Button, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { fetchFile, saveFile, type FilePath } from '../../api';

/** Shows a PDF behind the login in a dialog (an <iframe> of a blob URL) with a download button. */
/** `onOpened` runs once the file came (e.g. to note that an owner read a letter). */
type PdfButtonProps = { path: FilePath; label?: string; testId?: string; onOpened?: () => void };

export function PdfPreviewButton({ path, label = '预览 PDF', testId, onOpened }: PdfButtonProps) {
  const [file, setFile] = useState<{ blob: Blob; filename: string; href: string }>();
  const [loading, setLoading] = useState(false);
  useEffect(() => () => (file ? URL.revokeObjectURL(file.href) : undefined), [file]);

  const open = async () => {
    setLoading(true);
    try {
      const fetched = await fetchFile(path);
      setFile({ ...fetched, href: URL.createObjectURL(fetched.blob) });
      onOpened?.();
    } catch {
      // the wrapper showed the reason
    } finally {
      setLoading(false);
    }
  };

  return (
    <>
      <Button icon={<EyeOutlined />} loading={loading} onClick={() => void open()} data-testid={testId}>
        {label}
      </Button>
      <Modal
        open={!!file}
        title={file?.filename}
        width={900}
        // Without it the closed dialog keeps Chromium's PDF viewer alive on a revoked blob URL.
        destroyOnHidden
        onCancel={() => setFile(undefined)}
        footer={[
          <Button key="dl" icon={<DownloadOutlined />} onClick={() => file && saveFile(file)}>
            下载
          </Button>,
          <Button key="close" type="primary" onClick={() => setFile(undefined)}>
            关闭
          </Button>,
        ]}
      >
        {file && (
          <>
            <iframe
              title="PDF 预览"
              src={file.href}
              style={{ width: '100%', height: '65vh', border: '1px solid #eee' }}
              data-testid="pdf-frame"
            />
            <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
              手机上无法直接显示时，请点「下载」后用手机自带的阅读器打开。
            </Typography.Paragraph>
          </>
        )}
      </Modal>
    </>
  );
}

/** Downloads a PDF behind the login. */
export function PdfDownloadButton({ path, label = '下载 PDF', testId, onOpened }: PdfButtonProps) {
  const [loading, setLoading] = useState(false);
  const download = async () => {
    setLoading(true);
    try {
      saveFile(await fetchFile(path));
      onOpened?.();
    } catch {
      // shown by the wrapper
    } finally {
      setLoading(false);
    }
  };
  return (
    <Button type="primary" icon={<DownloadOutlined />} loading={loading} onClick={() => void download()} data-testid={testId}>
      {label}
    </Button>
  );
}
