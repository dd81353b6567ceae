import { actorWords, timelineWords } from '../../domain/labels/timeline';

describe("a case timeline's words", () => {
  test('a finding, a measure and an escalation are named from the catalogue', () => {
    expect(timelineWords({ summary: 'illegalMining', detail: { violation: 'illegalMining' } })).toEqual({ zh: '发现问题：非法盗采', en: 'Finding: Illegal mining' });
    expect(timelineWords({ summary: 'stopProduction: done', detail: { measure: 'stopProduction', status: 'done' } })).toEqual({ zh: '立即责令停产：已落实', en: 'Stop production at once: Carried out' });
    expect(timelineWords({ summary: 'reminder: a@x, b@x', detail: { step: 'agencyHead', to: ['a@x', 'b@x'] } })).toEqual({ zh: '逾期督办：a@x、b@x', en: 'Agency head: a@x, b@x' });
  });

  test('an entry without detail (one recorded before details were) reads as recorded', () => {
    expect(timelineWords({ summary: '整改阶段 Rectification' })).toEqual({ zh: '整改阶段 Rectification', en: '整改阶段 Rectification' });
  });

  test('the workflow as an actor is named; a person is their email', () => {
    expect(actorWords('system')).toEqual({ zh: '系统', en: 'System' });
    expect(actorWords('a@tax.example')).toEqual({ zh: 'a@tax.example', en: 'a@tax.example' });
  });
});
