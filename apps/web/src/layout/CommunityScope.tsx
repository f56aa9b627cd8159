import { Button, Result } from 'antd';
import { useEffect } from 'react';
import { Link, Outlet, useParams } from 'react-router-dom';
import { setDisplayZone } from '../format';
import { lastCommunity, useSession } from '../session/session';

/** The pages of one community: checks it is one of ours and remembers it as the last choice. */
export function CommunityScope() {
  const { communityId } = useParams<{ communityId: string }>();
  const { communities } = useSession();
  const community = communities.find((c) => c.id === communityId);
  const known = community !== undefined;
  // Set during render so the first paint of the page already uses the community's zone.
  setDisplayZone(community?.timeZone);
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
