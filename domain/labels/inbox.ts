/**
 * The labels the inbox's first page shows (sign-in, the task list, the header), in a module of
 * their own: the web application's first load takes in whole every module it imports from, and
 * this one is small. The rest of the label table (./index.ts) loads with the pages that use it.
 * Everyone else reads these through ./index.ts, as every other label.
 */

/** The kinds of case task, as a report names the work still open. */
export const taskKindLabels = {
  verification: { zh: '现场核查', en: 'On-site verification' },
  handlingPlan: { zh: '制定处理方案', en: 'Handling plan' },
  disposition: { zh: '落实整改措施', en: 'Carry out a measure' },
  acceptance: { zh: '整改验收', en: 'Acceptance' },
  transferReport: { zh: '提出移送涉嫌犯罪案件书面报告', en: 'Written report on the suspected crime' },
  transferApproval: { zh: '审批是否移送', en: 'Approve or refuse the transfer' },
  transferDelivery: { zh: '向同级公安机关移送', en: 'Transfer to public security' },
  transferDecision: { zh: '决定是否立案', en: 'Decide whether to open a criminal case' },
  reconsiderationRequest: { zh: '决定是否提请复议', en: 'Decide whether to ask for reconsideration' },
  reconsiderationDecision: { zh: '复议决定', en: 'Decide on the reconsideration' },
} as const;

/** What sign-in says to people: answers of the API, the password page, the account emails. */
export const signInLabels = {
  wrongCredentials: { zh: '邮箱或密码错误', en: 'wrong email or password' },
  locked: { zh: '登录失败次数过多，请稍后再试', en: 'too many failed sign-ins: try again later' },
  tooManyRequests: { zh: '请求过于频繁，请稍后再试', en: 'too many requests: wait Retry-After seconds' },
  csrf: { zh: '缺少或错误的 CSRF 令牌', en: 'the CSRF token is missing or wrong (X-CSRF-Token)' },
  linkInvalid: { zh: '链接无效、已使用或已过期', en: 'the link is unknown, used or expired' },
  passwordRules: { zh: '密码至少 12 个字符', en: 'a password has at least 12 characters' },
  passwordsDiffer: { zh: '两次输入的密码不一致', en: 'the two passwords differ' },
  passwordPageTitle: { zh: '设置密码', en: 'Set your password' },
  password: { zh: '新密码', en: 'New password' },
  passwordAgain: { zh: '再次输入', en: 'Repeat it' },
  submit: { zh: '保存', en: 'Save' },
  passwordSet: { zh: '密码已设置，请登录', en: 'Your password is set: sign in' },
  account: { zh: '账号', en: 'Account' },
  systemName: { zh: '打击稀土违法违规行为专项行动', en: 'Rare-earth enforcement campaign' },
  setEmailSubject: { zh: '设置您的登录密码', en: 'Set your sign-in password' },
  resetEmailSubject: { zh: '重置您的登录密码', en: 'Reset your sign-in password' },
  emailBody: {
    zh: '请打开以下链接设置密码。链接仅可使用一次，有效期至',
    en: 'Open this link to set your password. It works once, until',
  },
  emailIgnore: { zh: '如非本人操作，请忽略本邮件。', en: 'If you did not ask for this, ignore this email.' },
  oidcRefusedTitle: { zh: '无法登录', en: 'You cannot sign in' },
  oidcUnknown: {
    zh: '身份提供方确认了您的邮箱，但本系统的人员名录中没有该邮箱对应的在职人员。如需使用本系统，请联系本省管理员将您加入名录。',
    en: 'Your identity provider vouched for this email, but the directory of this system has no active member of staff with it. Ask your province’s administrator to add you.',
  },
  oidcUnverified: { zh: '身份提供方未确认该邮箱属于您，无法据此登录。', en: 'Your identity provider did not confirm that this email is yours, so it cannot sign you in.' },
  oidcFailedTitle: { zh: '登录未完成', en: 'Sign-in did not complete' },
  oidcFailed: { zh: '身份提供方的答复无效或已过期，请重新登录。', en: 'The answer of the identity provider is invalid or has expired: start the sign-in again.' },
  oidcStartAgain: { zh: '重新登录', en: 'Sign in again' },
  oidcUnavailable: { zh: '暂时无法连接身份提供方，请稍后再试。', en: 'The identity provider cannot be reached: try again later.' },
  oidcNotConfigured: { zh: '本系统未配置统一身份认证登录', en: 'sign-in with OpenID Connect is not configured' },
  signedInTitle: { zh: '已登录', en: 'Signed in' },
} as const;

/** The directory's roles, as the directory spreadsheet's drop-down offers them. */
export const staffRoleLabels = {
  staff: { zh: '工作人员', en: 'Staff' },
  agencyHead: { zh: '部门负责人', en: 'Agency head' },
  provincialCoordinator: { zh: '省级协调人', en: 'Provincial coordinator' },
  miitCoordinator: { zh: '工业和信息化部协调人', en: 'MIIT coordinator' },
  disciplineInspection: { zh: '纪检监察', en: 'Discipline inspection' },
  administrator: { zh: '通讯录管理员', en: 'Directory administrator' },
} as const;
