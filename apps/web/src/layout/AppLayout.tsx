import {
  IdcardOutlined,
  AccountBookOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BookOutlined,
  CarryOutOutlined,
  BankOutlined,
  BellOutlined,
  CheckSquareOutlined,
  DashboardOutlined,
  FileProtectOutlined,
  FileTextOutlined,
  InboxOutlined,
  MailOutlined,
  GlobalOutlined,
  KeyOutlined,
  LogoutOutlined,
  MenuOutlined,
  NotificationOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  SolutionOutlined,
  StarOutlined,
  TableOutlined,
  TeamOutlined,
  ToolOutlined,
  TrophyOutlined,
  UploadOutlined,
  CustomerServiceOutlined,
  ScheduleOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Badge, Button, Drawer, Dropdown, Flex, Grid, Layout, Menu, type MenuProps } from 'antd';
import { useTodo } from '../hooks/useTodo';
import { TextSizeSwitch } from './TextSizeSwitch';
import { Suspense, useMemo, useState } from 'react';
import { Outlet, useLocation, useMatch, useNavigate } from 'react-router-dom';
import { can, type Capability } from '../session/permissions';
import { useSession } from '../session/session';
import { CommunitySwitcher } from './CommunitySwitcher';
import { PageSpin } from './PageSpin';

const { Header, Sider, Content } = Layout;

const COMMUNITY_PAGES: { key: Capability; label: string; icon: React.ReactNode }[] = [
  { key: 'todo', label: '我的待办', icon: <InboxOutlined /> },
  { key: 'overview', label: '小区概况', icon: <DashboardOutlined /> },
  { key: 'my-votes', label: '我的表决', icon: <CheckSquareOutlined /> },
  { key: 'letters', label: '公告信件', icon: <MailOutlined /> },
  { key: 'requests', label: '居民诉求', icon: <CustomerServiceOutlined /> },
  { key: 'reception', label: '接待日', icon: <ScheduleOutlined /> },
  { key: 'agenda', label: '议题看板', icon: <SolutionOutlined /> },
  { key: 'notifications', label: '通知', icon: <BellOutlined /> },
  { key: 'units', label: '房屋列表', icon: <TableOutlined /> },
  { key: 'roster', label: '导入花名册', icon: <UploadOutlined /> },
  { key: 'roles', label: '角色管理', icon: <TeamOutlined /> },
  { key: 'ledger', label: '公共收益台账', icon: <AccountBookOutlined /> },
  { key: 'statements', label: '收支报表', icon: <FileTextOutlined /> },
  { key: 'audit', label: '审核待办', icon: <FileProtectOutlined /> },
  { key: 'fundraising', label: '集资项目', icon: <AccountBookOutlined /> },
  { key: 'documents', label: '文书库', icon: <BookOutlined /> },
  { key: 'seal-inbox', label: '用章待办', icon: <CarryOutOutlined /> },
  { key: 'seals', label: '印章管理', icon: <SafetyCertificateOutlined /> },
  { key: 'seal-log', label: '用章登记', icon: <ProfileOutlined /> },
  { key: 'rectifications', label: '整改事项', icon: <ToolOutlined /> },
  { key: 'service-rating', label: '物业服务评价', icon: <StarOutlined /> },
  { key: 'bulletins', label: '联席简报与红黑榜', icon: <NotificationOutlined /> },
  { key: 'hearings', label: '听证会', icon: <TrophyOutlined /> },
  { key: 'record', label: '决策记录', icon: <AuditOutlined /> },
  { key: 'rulebook', label: '议事规则', icon: <BookOutlined /> },
  { key: 'owner-accounts', label: '业主账号', icon: <IdcardOutlined /> },
];

export function AppLayout() {
  const { me, communities, signOut } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const isDesktop = screens.lg === true;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const communityMatch = useMatch('/c/:communityId/*');
  const communityId = communityMatch?.params.communityId;
  const community = communities.find((c) => c.id === communityId);
  const showTodo = !!communityId && !!me && can('todo', community?.roles ?? [], me.isPlatformAdmin);
  const todo = useTodo(showTodo ? communityId : undefined);
  const todoCount = todo.list?.count ?? 0;

  const items = useMemo<MenuProps['items']>(() => {
    const list: NonNullable<MenuProps['items']> = [];
    if (communityId && me) {
      const roles = community?.roles ?? [];
      list.push({
        type: 'group',
        label: community?.name ?? '本小区',
        children: [
          ...COMMUNITY_PAGES.filter((p) => can(p.key, roles, me.isPlatformAdmin)).map((p) => ({
            key: `/c/${communityId}/${p.key}`,
            icon: p.icon,
            label:
              p.key === 'todo' ? (
                <span data-testid="menu-todo">
                  {p.label} <Badge count={todoCount} overflowCount={99} aria-label={`${todoCount} 项待办`} />
                </span>
              ) : (
                p.label
              ),
          })),
          // The public page residents read without logging in (公示).
          { key: `/p/${communityId}`, icon: <GlobalOutlined />, label: '小区公示' },
        ],
      });
    }
    list.push({
      type: 'group',
      label: '平台',
      children: [
        {
          key: '/communities',
          icon: me?.isPlatformAdmin ? <BankOutlined /> : <ApartmentOutlined />,
          label: me?.isPlatformAdmin ? '小区管理' : '我的小区',
        },
      ],
    });
    return list;
  }, [communityId, community, me, todoCount]);

  const selected = location.pathname.match(/^\/c\/[^/]+\/[^/]+|^\/communities/)?.[0] ?? location.pathname;

  const menu = (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={[selected]}
      onClick={({ key }) => {
        setDrawerOpen(false);
        navigate(key);
      }}
      style={{ borderInlineEnd: 'none' }}
    />
  );

  const userMenu: MenuProps = {
    items: [
      { key: 'password', icon: <KeyOutlined />, label: '修改密码' },
      { key: 'notification-settings', icon: <BellOutlined />, label: '通知设置' },
      { key: 'logout', icon: <LogoutOutlined />, label: '退出登录', danger: true },
    ],
    onClick: async ({ key }) => {
      if (key === 'password') navigate('/password');
      if (key === 'notification-settings') navigate('/notification-settings');
      if (key === 'logout') {
        await signOut();
        navigate('/login', { replace: true });
      }
    },
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header style={{ position: 'sticky', top: 0, zIndex: 10, display: 'flex', alignItems: 'center', gap: 12 }}>
        {!isDesktop && (
          <Button
            type="text"
            aria-label="打开菜单"
            icon={<MenuOutlined style={{ fontSize: 24, color: '#fff' }} />}
            onClick={() => setDrawerOpen(true)}
          />
        )}
        <span className="gy-brand">共议</span>
        {isDesktop && communities.length > 0 && (
          <div style={{ width: 320 }}>
            <CommunitySwitcher />
          </div>
        )}
        <Flex flex={1} justify="flex-end" align="center" gap={4}>
          {showTodo && (
            <Button
              type="text"
              style={{ color: '#fff' }}
              aria-label={`我的待办，${todoCount} 项`}
              data-testid="header-todo"
              onClick={() => navigate(`/c/${communityId}/todo`)}
            >
              <Badge count={todoCount} size="small" offset={[4, -2]}>
                <InboxOutlined style={{ fontSize: 22, color: '#fff' }} />
              </Badge>
            </Button>
          )}
          <TextSizeSwitch />
          <Dropdown menu={userMenu} trigger={['click']} placement="bottomRight">
            <Button type="text" style={{ color: '#fff' }} icon={<UserOutlined />} data-testid="user-menu">
              {screens.sm ? me?.displayName : null}
            </Button>
          </Dropdown>
        </Flex>
      </Header>
      <Layout>
        {isDesktop && (
          <Sider width={240} theme="light" style={{ paddingTop: 8 }}>
            {menu}
          </Sider>
        )}
        <Drawer
          placement="left"
          open={!isDesktop && drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={300}
          title="菜单"
          styles={{ body: { padding: 0 } }}
        >
          {menu}
        </Drawer>
        <Content className="gy-content">
          {!isDesktop && communities.length > 0 && (
            <div style={{ marginBottom: 12 }}>
              <CommunitySwitcher />
            </div>
          )}
          <Suspense fallback={<PageSpin />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}
