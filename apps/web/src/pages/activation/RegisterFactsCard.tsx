import { Alert, Button, Card, Typography, Upload } from 'antd';
import { useState } from 'react';
import { activationApi, ApiError, type RegisterFactsResult } from '../../api';

interface LineError {
  line: number;
  reason: string;
}

/**
 * 居委会导入核验信息: the residents' committee uploads, from the property register, each owner's registered mobile
 * and/or identity number. Only keyed hashes of their tails are kept; the committee, which prints the activation
 * codes, never sees them, so neither party alone can open an owner's account.
 */
export function RegisterFactsCard({ communityId, onImported }: { communityId: string; onImported: () => void }) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<RegisterFactsResult>();
  const [errors, setErrors] = useState<LineError[]>([]);
  const [failure, setFailure] = useState<string>();

  const upload = async (file: File) => {
    setBusy(true);
    setErrors([]);
    setFailure(undefined);
    setResult(undefined);
    try {
      setResult(await activationApi.importRegisterFacts(communityId, file));
      onImported();
    } catch (e) {
      if (e instanceof ApiError) {
        setFailure(e.message);
        setErrors(((e.details as { errors?: LineError[] } | undefined)?.errors ?? []).slice(0, 50));
      } else setFailure('导入失败');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="导入业主核验信息（居委会）" size="small" style={{ marginBottom: 16 }} data-testid="register-facts-card">
      <Typography.Paragraph>
        依据不动产登记资料，上传 CSV 或 Excel 文件，列为：楼栋、单元、房号、业主、手机（登记手机号）、证件号，两项至少填一项。
        系统只保存手机号后 4 位和证件号后 6 位的加密摘要，业委会看不到；与业委会花名册中联系电话相同的号码不作核验信息。
      </Typography.Paragraph>
      <Upload
        accept=".csv,.xlsx"
        showUploadList={false}
        beforeUpload={(file) => {
          void upload(file);
          return false;
        }}
      >
        <Button type="primary" loading={busy} data-testid="register-facts-upload">
          选择文件并导入
        </Button>
      </Upload>
      {result && (
        <Alert
          style={{ marginTop: 12 }}
          type="success"
          showIcon
          data-testid="register-facts-result"
          message={`已导入 ${result.rows} 行：登记手机号 ${result.withMobileTail} 户，证件号 ${result.withIdTail} 户`}
          description={
            <>
              {result.withheldMobileTail + result.withheldIdTail > 0 &&
                `业委会花名册已有的号码不作核验信息：手机号 ${result.withheldMobileTail} 户、证件号 ${result.withheldIdTail} 户。`}
              {result.ownersWithoutFacts > 0
                ? `仍有 ${result.ownersWithoutFacts} 户未激活业主没有核验信息，他们的激活通知书暂不能发放。`
                : '所有未激活业主都有核验信息。'}
            </>
          }
        />
      )}
      {failure && (
        <Alert
          style={{ marginTop: 12 }}
          type="error"
          showIcon
          data-testid="register-facts-error"
          message={failure}
          description={
            errors.length > 0 &&
            errors.map((e) => (
              <div key={`${e.line}-${e.reason}`}>
                第 {e.line} 行：{e.reason}
              </div>
            ))
          }
        />
      )}
    </Card>
  );
}
