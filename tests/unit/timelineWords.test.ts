import { actorWords, timelineWords } from '../../domain/labels/timeline';

describe("a case timeline's words", () => {
  test('a finding, a measure and an escalation are named from the catalogue', () => {
    expect(timelineWords({ summary: 'illegalMining', detail: { violation: 'illegalMining' } })).toEqual({ zh: '发现问题：非法盗采', en: 'Finding: Illegal mining' });
    expect(timelineWords({ summary: 'stopProduction: done', detail: { measure: 'stopProduction', status: 'done' } })).toEqual({ zh: '立即责令停产：已落实', en: 'Stop production at once: Carried out' });
    expect(timelineWords({ summary: 'reminder: a@x, b@x', detail: { step: 'agencyHead', to: ['a@x', 'b@x'] } })).toEqual({ zh: '逾期督办：a@x、b@x', en: 'Agency head: a@x, b@x' });
  });

  test('the phase, reports, supervision, a trace, the rule checks, a transfer, a referral and a lost completion are in one language each', () => {
    const cases: [Parameters<typeof timelineWords>[0]['detail'], { zh: string; en: string }][] = [
      [{ phase: 'rectification' }, { zh: '整改阶段', en: 'Rectification' }],
      [{ submitted: ['江西省附表3', '江西省处置方案'] }, { zh: '报送：江西省附表3、江西省处置方案', en: 'Submitted to MIIT: 江西省附表3, 江西省处置方案' }],
      [{ supervised: true }, { zh: '挂牌督办', en: 'Put under supervision' }],
      [{ supervised: true, inspectionId: 'i-1' }, { zh: '挂牌督办（联合检查组 i-1）', en: 'Put under supervision (joint inspection i-1)' }],
      [
        { traced: { traceCaseId: 'case/x', exportedKg: 30_000, links: 4, untracedKg: 0, illegalKg: 30_000 } },
        { zh: '出口产品溯源：出口 30.000 t，4 环节，无法追溯 0.000 t，溯及非法矿产品源头 30.000 t（case/x）', en: 'Export traced: exported 30.000 t, 4 links, untraced 0.000 t, reaches an illegal source 30.000 t (case/x)' },
      ],
      [{ ruleFindings: [] }, { zh: '无异常', en: 'No findings' }],
      [{ ruleFindings: ['illegalMining', 'noMiningLicence'] }, { zh: '比对发现：非法盗采、无有效采矿许可证', en: 'Rule checks found: Illegal mining, No valid mining licence' }],
      [{ notInArchive: true }, { zh: '档案中无此企业，未能比对', en: 'Not in the archive: nothing to check against' }],
      [{ transferOpened: 'tax' }, { zh: '涉嫌犯罪，启动移送公安机关程序（税务部门）', en: 'Suspected crime: transfer to public security opened (Tax)' }],
      [{ transferEnded: 'tax', outcome: 'notOpened' }, { zh: '移送公安机关程序结束（税务部门）：公安机关不予立案', en: 'Transfer to public security ended (Tax): public security declined to open a case' }],
      [{ transferEnded: 'tax', outcome: 'withdrawn' }, { zh: '移送公安机关程序结束（税务部门）：移送程序已撤销', en: 'Transfer to public security ended (Tax): transfer procedure withdrawn' }],
      [{ referredToDisciplineInspection: true }, { zh: '移交纪检监察', en: 'Referred to discipline inspection' }],
      [{ notRecorded: 'database unavailable' }, { zh: '未能保存，任务重新开放：database unavailable', en: 'Not recorded, the task is open again: database unavailable' }],
    ];
    for (const [detail, words] of cases) expect(timelineWords({ summary: 'as recorded', detail })).toEqual(words);
  });

  test('an entry without detail (one recorded before details were) reads as recorded', () => {
    expect(timelineWords({ summary: '整改阶段 Rectification' })).toEqual({ zh: '整改阶段 Rectification', en: '整改阶段 Rectification' });
  });

  test('the workflow as an actor is named; a person is their email', () => {
    expect(actorWords('system')).toEqual({ zh: '系统', en: 'System' });
    expect(actorWords('a@tax.example')).toEqual({ zh: 'a@tax.example', en: 'a@tax.example' });
  });
});
