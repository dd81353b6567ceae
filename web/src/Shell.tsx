import { Button, Layout, Space, Spin, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { signInLabels, staffRoleLabels } from '../../domain/labels';
import { useLanguage, useText } from './language';
import { ui } from './locale';
import { useMe, useSignOut, type Me } from './session';

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
        <Space wrap>
          <Typography.Text className="who">
            {me.data.name} · {t(staffRoleLabels[me.data.role])}
            {me.data.province ? ` · ${me.data.province}` : ''}
          </Typography.Text>
          <Button onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')} title={t(ui.languageSwitch)} lang={lang === 'zh' ? 'en' : 'zh'}>
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
