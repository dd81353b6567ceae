import { emptyRegistration, fieldOfDecisionIssue, ReferralAcceptanceForm, ReferralRoutingForm, TipTriageForm, type TipTriageInput } from '../../web/src/pages/coordinationForms';

/** The coordinators' decision forms make exactly the API's bodies, checked by the domain's schemas. */
const code = '91360700MA35ABCD1X';
const triage = (change: Partial<TipTriageInput>): TipTriageInput => ({
  action: 'close',
  campaignId: 'c1',
  enterpriseCode: '',
  agencyKind: 'industry',
  toProvince: undefined,
  counterpart: { name: '', code: '' },
  reason: '',
  registering: false,
  register: emptyRegistration('江西省'),
  ...change,
});

test('a routing sends only the decision it names', () => {
  expect(ReferralRoutingForm.parse({ decision: 'route', toProvince: '广东省', reason: 'left over' })).toEqual({ decision: 'route', toProvince: '广东省' });
  expect(ReferralRoutingForm.parse({ decision: 'close', toProvince: '广东省', reason: '查无此企业' })).toEqual({ decision: 'close', reason: '查无此企业' });
  expect(ReferralRoutingForm.safeParse({ decision: 'close', toProvince: undefined, reason: '  ' }).error?.issues.map((i) => i.path.join('.'))).toEqual(['reason']);
});

test('an acceptance registers the enterprise only when asked, under the code it names', () => {
  const register = { ...emptyRegistration('广东省'), name: '深圳某贸易公司', address: '深圳市', legalRepresentative: '张三', phone: '0755-1', contact: '李四', contactTitle: '经理', mobile: '138', types: ['trading' as const] };
  const base = { action: 'addToCampaign' as const, enterpriseCode: code, agencyKind: undefined, register };
  expect(ReferralAcceptanceForm.parse({ ...base, registering: false })).toEqual({ action: 'addToCampaign', enterpriseCode: code });
  expect(ReferralAcceptanceForm.parse({ ...base, registering: true })).toEqual({ action: 'addToCampaign', enterpriseCode: code, register: { ...register, code } });
  const missing = ReferralAcceptanceForm.safeParse({ ...base, registering: true, register: { ...register, name: '', types: [] } });
  expect(missing.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['register.name', 'register.types']);
  expect(ReferralAcceptanceForm.parse({ action: 'verifyInCase', enterpriseCode: code, agencyKind: 'tax', registering: true, register })).toEqual({ action: 'verifyInCase', enterpriseCode: code, agencyKind: 'tax' });
});

test("a tip's triage sends the fields of its action, an unknown counterpart code left out", () => {
  expect(TipTriageForm.parse(triage({ reason: '重复举报', enterpriseCode: code }))).toEqual({ action: 'close', reason: '重复举报' });
  expect(TipTriageForm.parse(triage({ action: 'refer', toProvince: '广东省', counterpart: { name: '某公司', code: ' ' } }))).toEqual({ action: 'refer', campaignId: 'c1', toProvince: '广东省', counterpart: { name: '某公司' } });
  expect(TipTriageForm.parse(triage({ action: 'linkToCase', enterpriseCode: code, agencyKind: 'landResources' }))).toEqual({ action: 'linkToCase', campaignId: 'c1', enterpriseCode: code, agencyKind: 'landResources' });
  expect(TipTriageForm.safeParse(triage({ action: 'linkToCase', enterpriseCode: '9136' })).error?.issues.map((i) => i.path.join('.'))).toEqual(['enterpriseCode']);
});

test("the server's issue on the registered code is shown at the enterprise's code", () => {
  expect(fieldOfDecisionIssue('register.code')).toBe('enterpriseCode');
  expect(fieldOfDecisionIssue('register.name')).toBe('register.name');
  expect(fieldOfDecisionIssue('')).toBe('root');
});
