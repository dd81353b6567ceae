import { DispositionCode, measures, type DispositionField } from '../../domain/catalogue';
import { InvalidCompletion, acceptanceTasks, acceptedCompletion, followUpOf, parseCompletion, rectificationTasks } from '../../domain/case';
import { completionMessages } from '../../domain/labels';

const fieldsOf = (code: DispositionCode) => measures[code].mustState.map((f) => f.field);

const planned = (disposition: DispositionCode) => ({ disposition, agencyKind: 'tax', dueDate: '2015-01-31' });

/** A completion stating everything the catalogue asks of `code`. */
function complete(code: DispositionCode) {
  const fields = fieldsOf(code);
  const amounts = Object.fromEntries(fields.filter((f) => f !== 'rectificationDeadline').map((f, i) => [f, 1_000 * (i + 1)]));
  return { documentNo: '赣税稽罚〔2015〕3号', amounts, ...(fields.includes('rectificationDeadline') ? { rectificationDeadline: '2015-03-31' } : {}) };
}

function without(completion: ReturnType<typeof complete>, field: DispositionField) {
  if (field === 'rectificationDeadline') return { documentNo: completion.documentNo, amounts: completion.amounts };
  return { ...completion, amounts: Object.fromEntries(Object.entries(completion.amounts).filter(([f]) => f !== field)) };
}

function issuesOf(run: () => unknown): { path: string; message: string }[] {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidCompletion) return error.issues;
    throw error;
  }
  return [];
}

describe('what a disposition must state', () => {
  test('the measures the plan prices or measures state their amounts; orders state a document number only', () => {
    expect(fieldsOf('fine')).toEqual(['fineFen']);
    expect(fieldsOf('recoverVat').sort()).toEqual(['fineFen', 'lateFeeFen', 'recoveredFen']);
    expect(fieldsOf('recoverResourceTax').sort()).toEqual(['compensationFeeFen', 'recoveredFen']);
    expect(fieldsOf('confiscateProductsAndGains').sort()).toEqual(['confiscatedFen', 'tonnesKg']);
    expect(fieldsOf('rectifyByDeadline').sort()).toEqual(['rectificationDeadline', 'sewageFeeFen']);
    expect(fieldsOf('reduceNextYearPlan')).toEqual(['tonnesKg']);
    for (const code of ['stopProduction', 'openCase', 'transferToPublicSecurity'] as const) expect(fieldsOf(code)).toEqual([]);
  });

  test.each(DispositionCode.options)('%s: a complete completion is accepted', (code) => {
    expect(issuesOf(() => parseCompletion('disposition', complete(code), planned(code)))).toEqual([]);
  });

  test.each(DispositionCode.options)('%s: each missing field is refused, naming the field and the measure in both languages', (code) => {
    const measure = measures[code].label;
    for (const { field, label } of measures[code].mustState) {
      const path = field === 'rectificationDeadline' ? field : `amounts.${field}`;
      const issues = issuesOf(() => parseCompletion('disposition', without(complete(code), field), planned(code)));
      expect(issues).toHaveLength(1);
      expect(issues[0].path).toBe(path);
      for (const words of [measure.zh, measure.en, label.zh, label.en, path]) expect(issues[0].message).toContain(words);
    }
  });

  test('every completion states its document number, and no measure does without one', () => {
    expect(issuesOf(() => parseCompletion('disposition', { amounts: {} }, planned('stopProduction'))).map((i) => i.path)).toEqual(['documentNo']);
    // Everything missing is told at once, not one field per submission.
    expect(issuesOf(() => parseCompletion('disposition', {}, planned('recoverResourceTax'))).map((i) => i.path)).toEqual(['documentNo', 'amounts.recoveredFen', 'amounts.compensationFeeFen']);
    expect(issuesOf(() => parseCompletion('disposition', { documentNo: 'x', amounts: null }, planned('fine'))).map((i) => i.path)).toEqual(['amounts', 'amounts.fineFen']);
    expect(issuesOf(() => parseCompletion('disposition', { documentNo: '赣工信〔2015〕1号' }, planned('stopProduction')))).toEqual([]);
  });

  test('a fine of nothing stated is refused with the whole reason in the error message', () => {
    expect(() => parseCompletion('disposition', { documentNo: '赣工信罚〔2015〕2号' }, planned('fine'))).toThrow(
      'invalid completion: amounts.fineFen: 予以处罚（罚款）：须写明罚款金额（分） / Fine: the completion must state the fine (fen) [amounts.fineFen]',
    );
  });

  test('amounts are bounded and the deadline is a real day', () => {
    expect(issuesOf(() => parseCompletion('disposition', { documentNo: 'x', amounts: { fineFen: -5 } }, planned('fine'))).map((i) => i.path)).toEqual(['amounts.fineFen']);
    const late = { documentNo: 'x', amounts: { sewageFeeFen: 10 }, rectificationDeadline: '2015-02-30' };
    expect(issuesOf(() => parseCompletion('disposition', late, planned('rectifyByDeadline'))).map((i) => i.path)).toContain('rectificationDeadline');
  });

  test('a disposition task must name a measure of the catalogue', () => {
    expect(() => parseCompletion('disposition', { documentNo: 'x' })).toThrow(/names no disposition/);
    expect(() => parseCompletion('disposition', { documentNo: 'x' }, { disposition: 'exile' })).toThrow(/names no disposition/);
  });

  test('an unfinished disposition at acceptance states a reason and a new date, no amounts', () => {
    const unfinished = { accepted: false, reason: '罚款尚未缴清 fine not yet paid', newCompletionDate: '2015-06-30' };
    expect(issuesOf(() => parseCompletion('acceptance', unfinished, planned('recoverVat')))).toEqual([]);
  });

  test('completions accepted before the rule still parse where the workflow replays them', () => {
    expect(acceptedCompletion('disposition', { documentNo: '赣国土执〔2014〕1号' }).value).toEqual({ documentNo: '赣国土执〔2014〕1号', amounts: {} });
    expect(acceptedCompletion('disposition', { documentNo: 'x', amounts: { confiscatedFen: 1, fineFen: 2, recoveredFen: 3, tonnesKg: 4 } }).value).toMatchObject({ amounts: { tonnesKg: 4 } });
  });

  test('a disposition task tells its agency, in the title and the evidence, what to state', () => {
    const plan = { annex2Verified: true, dispositions: [{ disposition: 'recoverVat' as const, agencyKind: 'tax' as const, dueDate: '2015-01-31' }] };
    const [task] = rectificationTasks(plan);
    expect(task.title).toContain(completionMessages.documentNo.zh);
    for (const { label } of measures.recoverVat.mustState) expect(task.title).toContain(label.zh);
    expect(task.kind === 'disposition' && task.evidence.mustState.map((f) => f.field)).toEqual(['documentNo', 'amounts.recoveredFen', 'amounts.lateFeeFen', 'amounts.fineFen']);

    const [acceptance] = acceptanceTasks(plan);
    const again = followUpOf(acceptance, acceptedCompletion('acceptance', { accepted: false, reason: '滞纳金未缴', newCompletionDate: '2015-06-30' }))!;
    expect(again.title).toContain('滞纳金');
    expect(again.evidence).toMatchObject({ disposition: 'recoverVat', round: 1, mustState: expect.arrayContaining([expect.objectContaining({ field: 'amounts.lateFeeFen' })]) });
  });
});
