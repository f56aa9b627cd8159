import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { fetchFile, saveFile, type FilePath } from '../api';
import { useSubmit } from '../hooks/useSubmit';

/** 导出表格 / 导出 CSV for one list: `path` is the API path without /api and without ?format. */
export function ExportButtons({ path, label = '导出' }: { path: FilePath; label?: string }) {
  const xlsx = useSubmit(async () => saveFile(await fetchFile(`${path}?format=xlsx`)));
  const csv = useSubmit(async () => saveFile(await fetchFile(`${path}?format=csv`)));
  return (
    <Space wrap className="gy-no-print">
      <Button
        icon={<DownloadOutlined />}
        loading={xlsx.busy}
        disabled={xlsx.busy}
        onClick={() => void xlsx.run()}
        data-testid="export-xlsx"
      >
        {label}表格（XLSX）
      </Button>
      <Button icon={<DownloadOutlined />} loading={csv.busy} disabled={csv.busy} onClick={() => void csv.run()} data-testid="export-csv">
        {label} CSV
      </Button>
    </Space>
  );
}

/** Prints the page with the print styles (no menu or buttons; see styles.css @media print). */
export function PrintButton() {
  return (
    <Button icon={<PrinterOutlined />} onClick={() => window.print()} className="gy-no-print" data-testid="print-page">
      打印
    </Button>
  );
}
