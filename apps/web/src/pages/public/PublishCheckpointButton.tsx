import { SafetyCertificateOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm } from 'antd';
import { checkpointsApi } from '../../api/checkpoints';
import { useSubmit } from '../../hooks/useSubmit';

/**
 * 发布检查点 (staff): signs today's record head with the root key, so anyone who downloads the file can later
 * prove the history before it was not rewritten. Signed heads are kept for good, hence the confirmation.
 */
export function PublishCheckpointButton({ communityId, onPublished }: { communityId: string; onPublished: () => void }) {
  const { message } = App.useApp();
  const publish = useSubmit(async () => {
    const head = await checkpointsApi.publish(communityId);
    message.success(`已发布检查点：决策记录第 ${head.seq} 条`);
    onPublished();
  });
  return (
    <Popconfirm
      title="发布检查点？"
      description="将用根证书签署决策记录当前的最后一条（序号与哈希），公开后不可撤回。"
      okText="发布"
      cancelText="取消"
      onConfirm={() => publish.run()}
    >
      <Button icon={<SafetyCertificateOutlined />} loading={publish.busy} data-testid="publish-checkpoint">
        发布检查点
      </Button>
    </Popconfirm>
  );
}
