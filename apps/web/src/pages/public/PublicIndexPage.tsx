import { Card, Empty, Input, List, Skeleton } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { publicApi } from '../../api';
import { useLoad } from '../../hooks/useLoad';
import { PublicShell } from './PublicShell';

/** 小区公示 without a community chosen yet (from the login page): pick the community by name. */
export default function PublicIndexPage() {
  const list = useLoad(() => publicApi.communities(), []);
  const [q, setQ] = useState('');
  const shown = (list.data ?? []).filter((c) => !q.trim() || `${c.name}${c.district}`.includes(q.trim()));
  return (
    <PublicShell title="小区公示">
      <Card title="选择小区">
        <Input.Search
          aria-label="按小区名称查找"
          placeholder="输入小区名称"
          allowClear
          value={q}
          onChange={(e) => setQ(e.target.value)}
          style={{ marginBottom: 12 }}
        />
        {!list.data && !list.failed ? (
          <Skeleton active />
        ) : (
          <List
            dataSource={shown}
            locale={{ emptyText: <Empty description="没有找到小区" /> }}
            renderItem={(c) => (
              <List.Item key={c.id}>
                <Link to={`/p/${c.id}`} style={{ fontSize: 19 }}>
                  {c.name}
                  {c.district ? `（${c.district}）` : ''}
                </Link>
              </List.Item>
            )}
          />
        )}
      </Card>
    </PublicShell>
  );
}
