import { Button, Layout, Space, Spin, Typography } from 'antd';
import type { ReactNode } from 'react';
import { NavLink, Navigate, useNavigate } from 'react-router';
import { signInLabels, staffRoleLabels } from '../../domain/labels/inbox';
import { useLanguage, useText } from './language';
import { ui, type Text } from './locale';
import { importsFiles, isCoordinator, useMe, useSignOut, type Me } from './session';

/** The pages a role reaches: exactly those whose API the role may call (api/cases.ts, api/dashboard.ts, api/reports.ts, api/referrals.ts, api/tips.ts, api/imports.ts). */
function pagesOf(me: Me): { path: string; label: Text }[] {
  return [
    ...(me.role !== 'administrator' ? [{ path: '/ui/tasks', label: ui.myTasks }] : []),
    ...(isCoordinator(me)
      ? [
          { path: '/ui/cases', label: ui.cases },
          { path: '/ui/progress', label: ui.progress },
          { path: '/ui/reports', label: ui.reports },
          { path: '/ui/coordination', label: ui.coordination },
        ]
      : []),
    ...(importsFiles(me) ? [{ path: '/ui/imports', label: ui.imports }] : []),
  ];
}

/** The frame of every signed-in page: who is signed in, the language switch, sign-out. */
export function Shell({ children }: { children: (me: Me) => ReactNode }) {
  const t = useText();
  const { lang, setLang } = useLanguage();
  const me = useMe();
  const signOut = useSignOut();
  const navigate = useNavigate();
  if (me.isPending) return <Spin fullscreen description={t(ui.loading)} />;
  if (!me.data) return <Navigate to="/ui/sign-in" replace />;
  return (
    <Layout className="shell">
      <Layout.Header className="shell-header">
        <Typography.Text strong className="system-name">
          {t(signInLabels.systemName)}
        </Typography.Text>
        <nav aria-label={t(ui.navigation)} className="shell-nav">
          {pagesOf(me.data).map((p) => (
            <NavLink key={p.path} to={p.path} className={({ isActive }) => (isActive ? 'active' : undefined)}>
              {t(p.label)}
            </NavLink>
          ))}
        </nav>
        <Space wrap>
          <Typography.Text className="who">
            {me.data.name} · {t(staffRoleLabels[me.data.role])}
            {me.data.province ? ` · ${me.data.province}` : ''}
          </Typography.Text>
          <Button autoInsertSpace={false} onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')} title={t(ui.languageSwitch)} lang={lang === 'zh' ? 'en' : 'zh'}>
            {t(ui.language)}
          </Button>
          <Button onClick={() => signOut.mutate(undefined, { onSuccess: () => void navigate('/ui/sign-in') })} loading={signOut.isPending}>
            {t(ui.signOut)}
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content className="shell-content">{children(me.data)}</Layout.Content>
    </Layout>
  );
}
