import fs from 'node:fs';
import path from 'node:path';
import { DispositionCode, ViolationCode, agenciesFor, annex3Columns, measures, transferSteps, violations } from '../../domain/catalogue';
import { EnterpriseType } from '../../domain/enums';

/**
 * The catalogue against the plan's own text (docs/plan/plan.txt, the seed copied into the repo):
 * what section 一 names is in the catalogue, what the catalogue quotes is in the plan, and every
 * entry can come up for some enterprise.
 */

const plan = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'plan', 'plan.txt'), 'utf8');
const section1 = plan.slice(plan.indexOf('一、工作重点和要求'), plan.indexOf('二、进度安排'));

const entries = [
  ...ViolationCode.options.map((code) => ({ kind: 'violation', code, quotes: violations[code].quotes })),
  ...DispositionCode.options.map((code) => ({ kind: 'measure', code, quotes: measures[code].quotes })),
];

/**
 * Section 一's clauses that name a violation or a measure: each part of a sentence (split at
 * Chinese commas, semicolons, full stops and enumeration commas), headings aside, that carries a
 * word the plan names wrongdoing or an order with.
 */
const marks = ['非法', '越界', '超', '无', '未', '不能', '达不到', '偷', '走私', '犯罪', '买卖非法', '收购非法', '责令', '没收', '追缴', '补缴', '取缔', '处罚', '立案', '移送', '减少', '不得', '异地'];
const clauses = section1
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line && !/^（[一二三四五六]）/.test(line) && !line.startsWith('一、'))
  .flatMap((line) => line.split(/[，；。、]/))
  .filter((clause) => marks.some((m) => clause.includes(m)));

test('the plan is the seed text, its section 一 found', () => {
  expect(section1.length).toBeGreaterThan(1_000);
  expect(clauses.length).toBeGreaterThan(30);
});

test('every quote of the catalogue is the plan’s own words, and every entry has one', () => {
  for (const { kind, code, quotes } of entries) {
    expect({ kind, code, quoted: quotes.length > 0 }).toEqual({ kind, code, quoted: true });
    for (const quote of quotes) expect({ kind, code, quote, inPlan: plan.includes(quote) }).toEqual({ kind, code, quote, inPlan: true });
  }
});

test('every violation and measure section 一 names is in the catalogue', () => {
  const quotes = entries.flatMap((e) => e.quotes);
  const unnamed = clauses.filter((clause) => !quotes.some((q) => clause.includes(q)));
  expect(unnamed).toEqual([]);
});

test('every violation comes up for some enterprise type: an agency that verifies that type investigates it, or it is handed over', () => {
  for (const code of ViolationCode.options) {
    const v = violations[code];
    const found = 'handedOver' in v || v.types.some((type) => agenciesFor([type]).some((a) => v.agencies.some((b) => b === a)));
    expect({ code, found }).toEqual({ code, found: true });
  }
});

test('every measure is prescribed for some violation, every annex 3 column answered by one, every enterprise type verified', () => {
  const prescribed = new Set(ViolationCode.options.flatMap((v) => violations[v].measures));
  expect(DispositionCode.options.filter((m) => !prescribed.has(m))).toEqual([]);
  const answered = new Set(ViolationCode.options.map((v) => violations[v].annex3));
  expect(annex3Columns.filter((c) => !answered.has(c))).toEqual([]);
  for (const type of EnterpriseType.options) expect(agenciesFor([type]).length).toBeGreaterThan(1);
});

test('who acts on an enterprise that sold ore to a buyer without a plan, and what it must state', () => {
  expect(violations.soldToUnplanned.agencies).toEqual(['industry']);
  expect(violations.soldToUnplanned.measures.map((m) => [m, measures[m].agency, measures[m].mustState.map((f) => f.field)])).toEqual([['fine', 'industry', ['fineFen']]]);
});

/**
 * Order 310's steps are not in the plan, which names the regulation only: they cite the order's
 * articles, and the plan's own words for the measure they carry out are checked above. What is
 * checked here is that the procedure holds together: the measure is the one the plan names, and
 * the order's deadlines are those the issue states (3 days, 24 hours, 3, 3 and 3).
 */
test('the transfer to public security follows Order 310 and carries out the measure the plan names', () => {
  expect(measures.transferToPublicSecurity.quotes).toContain('《行政执法机关移送涉嫌犯罪案件的规定》');
  expect(Object.entries(transferSteps).map(([step, s]) => [step, s.by, 'days' in s ? s.days : undefined])).toEqual([
    ['transferReport', 'agency', undefined],
    ['transferApproval', 'agencyHead', 3],
    ['transferDelivery', 'agency', 1],
    ['transferDecision', 'publicSecurity', 3],
    ['reconsiderationRequest', 'agency', 3],
    ['reconsiderationDecision', 'publicSecurity', 3],
  ]);
  for (const s of Object.values(transferSteps)) expect(s.article).toBeGreaterThanOrEqual(5);
});
