import { Button, Result } from 'antd';
import { useEffect } from 'react';
import { Link, Outlet, useParams } from 'react-router-dom';
import { lastCommunity, useSession } from '../session/session';

/** The pages of one community: checks it is one of ours and remembers it as the last choice. */
export function CommunityScope() {
  const { communityId } = useParams<{ communityId: string }>();
  const { communities } = useSession();
  const known = communities.some((c) => c.id === communityId);
  useEffect(() => {
    if (known && communityId) lastCommunity.set(communityId);
  }, [known, communityId]);
  if (!known) {
    return (
      <Result
        status="404"
        title="找不到这个小区"
        subTitle="小区不存在，或者您在该小区没有角色。"
        extra={
          <Link to="/">
            <Button type="primary">返回首页</Button>
          </Link>
        }
      />
    );
  }
  return <Outlet />;
}
