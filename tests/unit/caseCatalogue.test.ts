import { DispositionCode, ViolationCode, agenciesFor, measures, proposeHandlingPlan, violations } from '../../domain/catalogue';
import { escalationSchedule, parseCompletion, recipientsOf, taskKey } from '../../domain/case';

describe('the violation and disposition catalogues', () => {
  // That each entry names agencies and measures of the catalogue is the tables' type; what the type
  // cannot say is that none is left without a measure or a name (tests/unit/catalogue.test.ts holds them to the plan).
  test('every violation prescribes a measure, and each violation and measure has its Chinese name', () => {
    for (const code of ViolationCode.options) expect([code, violations[code].measures.length > 0, Boolean(violations[code].label.zh)]).toEqual([code, true, true]);
    for (const code of DispositionCode.options) expect([code, Boolean(measures[code].label.zh)]).toEqual([code, true]);
  });

  test('a proposed handling plan lists each measure once, with the agency that carries it out', () => {
    expect(proposeHandlingPlan(['productionWithoutPlan', 'productionAbovePlan', 'noEiaApproval'])).toEqual([
      { disposition: 'stopProduction', agencyKind: 'industry' },
      { disposition: 'barFromNationalFunding', agencyKind: 'industry' },
      { disposition: 'reduceNextYearPlan', agencyKind: 'industry' },
      { disposition: 'stopAndRectify', agencyKind: 'environment' },
    ]);
  });
});

describe('case work', () => {
  test('routing: the industry department always checks; each type adds its agencies', () => {
    expect(agenciesFor(['mine'])).toEqual(['industry', 'landResources', 'environment', 'tax', 'workSafety']);
    expect(agenciesFor(['trading', 'export'])).toEqual(['industry', 'tax', 'customs', 'commerce']);
  });

  test('task keys are stable and differ by kind, agency and purpose', () => {
    const key = taskKey('case/c/江西省/X', { kind: 'verification', agencyKind: 'tax', purpose: 'selfInspection' });
    expect(key).toBe('case/c/江西省/X/verification/tax/selfInspection');
    expect(taskKey('case/c/江西省/X', { kind: 'disposition', agencyKind: 'tax', purpose: 'recoverVat' })).not.toBe(key);
  });

  test('completions are checked against the catalogue and bounded', () => {
    expect(() => parseCompletion('verification', { findings: [{ violation: 'illegalMining', amounts: { illegalGainsFen: 100 } }] })).not.toThrow();
    expect(() => parseCompletion('verification', { findings: [{ violation: 'jaywalking' }] })).toThrow(/violation code of the catalogue/);
    expect(() => parseCompletion('verification', { findings: [{ violation: 'unpaidVat', amounts: { unpaidTaxFen: -1 } }] })).toThrow(/unpaidTaxFen/);
    expect(() => parseCompletion('handlingPlan', { annex2Verified: true, dispositions: [{ disposition: 'exile', agencyKind: 'tax', dueDate: '2015-01-31' }] })).toThrow(/disposition code/);
    expect(() => parseCompletion('handlingPlan', { annex2Verified: true, dispositions: [{ disposition: 'fine', agencyKind: 'tax', dueDate: '2015-02-30' }] })).toThrow(/real calendar date/);
    expect(() => parseCompletion('acceptance', { accepted: false })).toThrow(/reason/);
    expect(() => parseCompletion('acceptance', { accepted: false, reason: '资金未到位', newCompletionDate: '2015-06-30' })).not.toThrow();
    expect(() => parseCompletion('nonsense', {})).toThrow(/unknown task kind/);
  });

  test('the escalation ladder: reminder only when there is time for it, then head, then discipline inspection', () => {
    const timing = { reminderBeforeMs: 3_000, graceAfterDueMs: 7_000 };
    expect(escalationSchedule('2015-01-01T00:00:00.000Z', '2015-01-01T00:00:20.000Z', timing)).toEqual([
      { step: 'reminder', at: '2015-01-01T00:00:17.000Z' },
      { step: 'agencyHead', at: '2015-01-01T00:00:20.000Z' },
      { step: 'disciplineInspection', at: '2015-01-01T00:00:27.000Z' },
    ]);
    expect(escalationSchedule('2015-01-01T00:00:00.000Z', '2015-01-01T00:00:02.000Z', timing).map((s) => s.step)).toEqual(['agencyHead', 'disciplineInspection']);
    const contacts = { staff: ['s'], head: ['h'], disciplineInspection: ['d'], miit: ['m'] };
    expect(recipientsOf('disciplineInspection', contacts, true)).toEqual({ to: ['d'], cc: ['h', 'm'] });
    expect(recipientsOf('reminder', contacts, false)).toEqual({ to: ['s'], cc: [] });
  });
});
