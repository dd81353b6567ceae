/**
 * The words of the web application that are not the plan's (those come from domain/labels.ts):
 * buttons, headings, hints. Chinese first, English beside it, as the label table holds them.
 */
export type Lang = 'zh' | 'en';
export interface Text {
  zh: string;
  en: string;
}

export const ui = {
  language: { zh: 'English', en: '中文' },
  languageSwitch: { zh: '切换为英文', en: 'Switch to Chinese' },
  loading: { zh: '加载中…', en: 'Loading…' },
  signIn: { zh: '登录', en: 'Sign in' },
  signOut: { zh: '退出登录', en: 'Sign out' },
  email: { zh: '邮箱', en: 'Email' },
  password: { zh: '密码', en: 'Password' },
  required: { zh: '必填', en: 'required' },
  signInWithProvider: { zh: '使用统一身份认证登录', en: 'Sign in with the identity provider' },
  forgotPassword: { zh: '忘记密码？请联系本省管理员或使用邮件中的设置密码链接。', en: 'Forgot it? Ask your province’s administrator, or use the link in your password email.' },
  myTasks: { zh: '我的待办', en: 'My tasks' },
  notFound: { zh: '页面不存在', en: 'No such page' },
  backToTasks: { zh: '返回我的待办', en: 'Back to my tasks' },
  failed: { zh: '请求失败', en: 'The request failed' },
} as const satisfies Record<string, Text>;
