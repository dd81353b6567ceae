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
  navigation: { zh: '主导航', en: 'Main navigation' },
  cases: { zh: '案件', en: 'Cases' },
  progress: { zh: '进度', en: 'Progress' },
  reports: { zh: '报表', en: 'Reports' },
  imports: { zh: '导入', en: 'Imports' },
  coordination: { zh: '线索办理', en: 'Referrals & tips' },
  notFound: { zh: '页面不存在', en: 'No such page' },
  failed: { zh: '请求失败', en: 'The request failed' },
  task: { zh: '任务', en: 'Task' },
  kind: { zh: '类型', en: 'Kind' },
  creditCode: { zh: '统一社会信用代码', en: 'Credit code' },
  dueOn: { zh: '办理期限', en: 'Due' },
  status: { zh: '状态', en: 'Status' },
  assignee: { zh: '承办人', en: 'Assignee' },
  unassigned: { zh: '未分配', en: 'Unassigned' },
  all: { zh: '全部', en: 'All' },
  open: { zh: '待办', en: 'Open' },
  completed: { zh: '已办结', en: 'Completed' },
  cancelled: { zh: '已撤销', en: 'Cancelled' },
  overdue: { zh: '已逾期', en: 'Overdue' },
  dueSoon: { zh: '即将到期', en: 'Due soon' },
  onTime: { zh: '期限内', en: 'On time' },
  onlyOverdue: { zh: '仅看逾期', en: 'Overdue only' },
  assignedToMe: { zh: '分配给我的', en: 'Assigned to me' },
  claim: { zh: '领取', en: 'Claim' },
  release: { zh: '退回', en: 'Release' },
  assignTo: { zh: '指派给同事', en: 'Assign to a colleague' },
  assign: { zh: '指派', en: 'Assign' },
  actions: { zh: '操作', en: 'Actions' },
  assigned: { zh: '已指派', en: 'Assigned' },
  tasksCount: { zh: '项待办', en: 'open tasks' },
  search: { zh: '搜索企业名称或信用代码', en: 'Search by enterprise name or credit code' },
} as const satisfies Record<string, Text>;
