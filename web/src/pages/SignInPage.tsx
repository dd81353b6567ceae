import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { Controller, useForm } from 'react-hook-form';
import { Navigate } from 'react-router';
import { z } from 'zod';
import { signInLabels } from '../../../domain/labels/inbox';
import { ApiError } from '../api';
import { useLanguage, useText } from '../language';
import { ui } from '../locale';
import { oidcConfigured, useMe, useSignIn } from '../session';

const SignInForm = z.object({ email: z.string().min(3).max(320), password: z.string().min(1).max(200) });
type SignInForm = z.infer<typeof SignInForm>;

/** Local accounts' sign-in (POST /auth/sign-in), and the identity provider's when configured. */
export function SignInPage() {
  const t = useText();
  const me = useMe();
  const signIn = useSignIn();
  const { lang, setLang } = useLanguage();
  const form = useForm<SignInForm>({ resolver: zodResolver(SignInForm), defaultValues: { email: '', password: '' } });
  if (me.data) return <Navigate to="/ui/tasks" replace />;
  const refusal = signIn.error instanceof ApiError ? signIn.error.message : signIn.error ? t(ui.failed) : undefined;
  return (
    <main className="sign-in">
      <Card
        extra={
          <Button onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')} title={t(ui.languageSwitch)} lang={lang === 'zh' ? 'en' : 'zh'}>
            {t(ui.language)}
          </Button>
        }
      >
        <Typography.Title level={1}>{t(ui.signIn)}</Typography.Title>
        <Typography.Paragraph type="secondary">{t(signInLabels.systemName)}</Typography.Paragraph>
        {refusal && <Alert type="error" title={refusal} showIcon role="alert" />}
        <Form layout="vertical" onFinish={() => void form.handleSubmit((v) => signIn.mutate(v))()} requiredMark>
          <Controller
            name="email"
            control={form.control}
            render={({ field, fieldState }) => (
              <Form.Item label={t(ui.email)} htmlFor="email" required validateStatus={fieldState.error ? 'error' : undefined} help={fieldState.error && t(ui.required)}>
                <Input id="email" type="email" autoComplete="username" {...field} />
              </Form.Item>
            )}
          />
          <Controller
            name="password"
            control={form.control}
            render={({ field, fieldState }) => (
              <Form.Item label={t(ui.password)} htmlFor="password" required validateStatus={fieldState.error ? 'error' : undefined} help={fieldState.error && t(ui.required)}>
                <Input.Password id="password" autoComplete="current-password" {...field} />
              </Form.Item>
            )}
          />
          <Button type="primary" htmlType="submit" loading={signIn.isPending} block>
            {t(ui.signIn)}
          </Button>
        </Form>
        {oidcConfigured() && (
          <Typography.Paragraph className="oidc">
            <a href="/auth/oidc/start">{t(ui.signInWithProvider)}</a>
          </Typography.Paragraph>
        )}
        <Typography.Paragraph type="secondary" className="hint">
          {t(ui.forgotPassword)}
        </Typography.Paragraph>
      </Card>
    </main>
  );
}
