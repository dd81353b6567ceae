/**
 * The words of a task's own page and its completion forms, kept apart from web/src/locale.ts only
 * so that they load with the task page and not with the task list, whose first load must stay
 * under 400 KB of JavaScript.
 */
import type { Text } from './locale';

export const taskUi = {
  backToTasks: { zh: '返回我的待办', en: 'Back to my tasks' },
  signedInAs: { zh: '当前用户', en: 'Signed in as' },
  enterprise: { zh: '企业', en: 'Enterprise' },
  campaignTime: { zh: '行动时间', en: 'campaign time' },
  wallTime: { zh: '实际时间', en: 'wall time' },
  notYuan: { zh: '请填写以元为单位的金额，最多两位小数', en: 'Enter an amount in yuan, at most two decimals' },
  notTonnes: { zh: '请填写以吨为单位的数量，最多三位小数', en: 'Enter a quantity in tonnes, at most three decimals' },
  invalidValue: { zh: '填写有误：', en: 'Invalid: ' },
  dueDateRequired: { zh: '请填写办理期限', en: 'Enter the due date' },
  documentNoRequired: { zh: '请填写文书编号', en: 'Enter the document number' },
  documentNo: { zh: '文书编号', en: 'Document no.' },
  rectificationDeadline: { zh: '整改期限', en: 'Rectification deadline' },
  measureNote: { zh: '办理情况说明', en: 'Notes' },
  annex2Verified: { zh: '企业基本情况核查表（附件2）已核实', en: 'Annex 2 verified' },
  disposition: { zh: '处理措施', en: 'Measure' },
  addDisposition: { zh: '添加处理措施', en: 'Add a measure' },
  removeDisposition: { zh: '删除该措施', en: 'Remove this measure' },
  actingAgency: { zh: '承办部门', en: 'Agency' },
  dispositionDue: { zh: '完成期限', en: 'Due date' },
  proposedFrom: { zh: '根据核查发现的问题，按行动方案提出以下处理措施，可修改：', en: 'Measures proposed by the plan for the findings; edit as needed:' },
  planNote: { zh: '处理方案说明', en: 'Notes of the plan' },
  acceptanceResult: { zh: '验收结论', en: 'Result' },
  accept: { zh: '通过验收', en: 'Accept' },
  refuse: { zh: '不予通过', en: 'Refuse' },
  acceptanceNote: { zh: '验收情况说明', en: 'Notes' },
  refusalReason: { zh: '未完成原因', en: 'Why it is not done' },
  newCompletionDate: { zh: '新的完成期限', en: 'New completion date' },
  dereliction: { zh: '存在失职渎职或官商勾结，移送纪检监察部门', en: 'Dereliction or collusion: refer to discipline inspection' },
  officials: { zh: '涉及人员', en: 'Officials concerned' },
  facts: { zh: '有关事实', en: 'Facts' },
  measureOfTask: { zh: '本任务的处理措施', en: 'Measure of this task' },
  open_action: { zh: '办理', en: 'Work on it' },
  types: { zh: '企业类型', en: 'Enterprise types' },
  province: { zh: '省份', en: 'Province' },
  evidence: { zh: '核查依据', en: 'Evidence of the rule checks' },
  timeline: { zh: '案件进程', en: 'Case timeline' },
  completion: { zh: '办理结果', en: 'Completion' },
  findings: { zh: '发现的问题', en: 'Findings' },
  addFinding: { zh: '添加问题', en: 'Add a finding' },
  removeFinding: { zh: '删除该问题', en: 'Remove this finding' },
  violation: { zh: '违法违规类型', en: 'Violation' },
  illegalGainsYuan: { zh: '违法所得（元）', en: 'Illegal gains (yuan)' },
  unpaidTaxYuan: { zh: '偷逃税款（元）', en: 'Unpaid tax (yuan)' },
  tonnes: { zh: '数量（吨，折REO）', en: 'Quantity (tonnes REO)' },
  findingNote: { zh: '问题说明', en: 'About this finding' },
  suspectedCrime: { zh: '涉嫌犯罪，移送公安机关', en: 'Suspected crime: hand over to public security' },
  note: { zh: '核查情况说明', en: 'Notes of the verification' },
  submit: { zh: '提交', en: 'Submit' },
  submitted: { zh: '已提交，任务已办结', en: 'Submitted: the task is completed' },
  notThisKind: { zh: '此类任务的办理表单尚未提供，请通过接口办理。', en: 'This kind of task has no form here yet: complete it through the API.' },
  noWrite: { zh: '您可查看此任务，但无权办理。', en: 'You may see this task but not complete it.' },
} as const satisfies Record<string, Text>;

/** The catalogue's stored units as its labels write them, and the units officials type (元, 吨) in their place. */
export const officialUnits: [stored: Text, official: Text][] = [
  [{ zh: '（分）', en: '(fen)' }, { zh: '（元）', en: '(yuan)' }],
  [{ zh: '（千克，', en: '(kg ' }, { zh: '（吨，', en: '(tonnes ' }],
];
