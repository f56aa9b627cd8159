import { Select } from 'antd';
import { useMatch, useNavigate } from 'react-router-dom';
import { useSession } from '../session/session';

/** Picks the community every page works on; the choice is remembered by CommunityScope. */
export function CommunitySwitcher() {
  const { communities } = useSession();
  const navigate = useNavigate();
  const match = useMatch('/c/:communityId/:page/*');
  const current = useMatch('/c/:communityId/*')?.params.communityId;
  const page = match?.params.page ?? 'overview';
  return (
    <Select
      data-testid="community-switcher"
      aria-label="选择小区"
      style={{ width: '100%' }}
      placeholder="选择小区"
      value={communities.some((c) => c.id === current) ? current : undefined}
      showSearch={{ optionFilterProp: 'label' }}
      options={communities.map((c) => ({ value: c.id, label: c.district ? `${c.name}（${c.district}）` : c.name }))}
      onChange={(id: string) => navigate(`/c/${id}/${page}`)}
    />
  );
}
