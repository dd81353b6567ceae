import { check, cleanMine, cleanSmelter, eia, enterprise, licence, produce, recoveryApproval, safety } from './rulesFixtures';

/** Annex 3 question 3: 是否符合采矿、环保、安全生产条件（分述）, three answers. */
describe('mining, environmental and safety conditions', () => {
  test('a mine with all three papers valid throughout meets all three', () => {
    const { conditions } = check(cleanMine()).annex3;
    expect(conditions).toEqual({
      mining: { applicable: true, answer: true, evidence: [] },
      environmental: { applicable: true, answer: true, evidence: [] },
      safety: { applicable: true, answer: true, evidence: [] },
    });
  });

  test('a pure trader needs none of them', () => {
    const { conditions } = check(enterprise(['trading', 'export'])).annex3;
    expect(conditions).toEqual({
      mining: { applicable: false, answer: true, evidence: [] },
      environmental: { applicable: false, answer: true, evidence: [] },
      safety: { applicable: false, answer: true, evidence: [] },
    });
  });

  test('a smelter needs EIA and safety papers but no mining licence', () => {
    const smelter = enterprise(['smelting']);
    const { conditions } = check(smelter).annex3;
    expect(conditions.mining).toEqual({ applicable: false, answer: true, evidence: [] });
    expect(conditions.environmental).toEqual({ applicable: true, answer: false, evidence: [{ kind: 'documentMissing', code: 'noEiaApproval', document: 'eiaApproval' }] });
    expect(conditions.safety).toEqual({ applicable: true, answer: false, evidence: [{ kind: 'documentMissing', code: 'noSafetyFiling', document: 'safetyFiling' }] });
  });

  test('a recycler is a production site too', () => {
    expect(check(enterprise(['recycling', 'trading'])).annex3.conditions.environmental.applicable).toBe(true);
  });

  test('a recycling project without approval, or producing after it lapsed, fails the mining part', () => {
    // Issue 15, defect 23: 建设工程回收利用稀土资源项目，未经审批或手续不全的责令停产 could not be found from data.
    const recycler = enterprise(['recycling']);
    produce(recycler, 'smelted', 2_000, ['2014-01', '2014-02']);
    eia(recycler, '2010-01-01');
    safety(recycler, '2010-01-01');
    const unapproved = check(recycler);
    expect(unapproved.annex3.conditions.mining).toEqual({
      applicable: true,
      answer: false,
      evidence: [{ kind: 'documentMissing', code: 'unapprovedByProductRecovery', document: 'recoveryApproval' }],
    });
    expect(unapproved.findings).toContain('unapprovedByProductRecovery');

    recoveryApproval(recycler, '2013-01-01', '2014-01-31');
    expect(check(recycler).annex3.conditions.mining).toMatchObject({
      answer: false,
      evidence: [{ kind: 'monthNotCovered', code: 'unapprovedByProductRecovery', month: '2014-02', producedKgReo: 2_000 }],
    });

    recoveryApproval(recycler, '2014-02-01');
    expect(check(recycler).annex3.conditions.mining).toEqual({ applicable: true, answer: true, evidence: [] });
  });

  test('each answer is separate: an expired safety filing fails only safety, in the months produced after it', () => {
    const mine = cleanMine();
    mine.safetyFilings[0].expiresOn = '2014-05-31';
    const { conditions } = check(mine).annex3;
    expect(conditions.mining.answer).toBe(true);
    expect(conditions.environmental.answer).toBe(true);
    expect(conditions.safety).toMatchObject({
      applicable: true,
      answer: false,
      evidence: [
        { code: 'noSafetyFiling', month: '2014-06', producedKgReo: 10_000, held: [{ validTo: '2014-05-31' }] },
        { code: 'noSafetyFiling', month: '2014-07' },
      ],
    });
  });

  test('an EIA approval expiring on the month’s second-to-last day fails that month', () => {
    const mine = cleanMine();
    mine.eiaApprovals[0].expiresOn = '2014-07-30';
    expect(check(mine).annex3.conditions.environmental.evidence).toMatchObject([{ code: 'noEiaApproval', month: '2014-07' }]);
  });

  test('an EIA approval issued after production started fails the months before it', () => {
    const smelter = cleanSmelter();
    smelter.eiaApprovals[0].issuedOn = '2013-07-02';
    produce(smelter, 'smelted', 1_000, ['2013-06', '2013-07', '2013-08']);
    const months = check(smelter).annex3.conditions.environmental.evidence.map((e) => e.kind === 'monthNotCovered' && e.month);
    expect(months).toEqual(['2013-06', '2013-07']);
  });

  test('papers that lapse in months without production are not a finding, but papers must be on file', () => {
    const smelter = cleanSmelter();
    smelter.safetyFilings[0].expiresOn = '2013-12-31';
    produce(smelter, 'smelted', 1_000, ['2013-06']);
    expect(check(smelter).annex3.conditions.safety.answer).toBe(true);
    smelter.safetyFilings = [];
    expect(check(smelter).annex3.conditions.safety.answer).toBe(false);
  });

  test('the mining condition fails when a mine produces without a licence, alongside illegal mining', () => {
    const mine = cleanMine();
    mine.miningLicences = [];
    licence(mine, '2013-06-01', '2014-06-30', 1_000_000);
    const result = check(mine);
    expect(result.annex3.conditions.mining.evidence).toMatchObject([{ code: 'noMiningLicence', document: 'miningLicence', month: '2014-07' }]);
    expect(result.findings).toEqual(expect.arrayContaining(['illegalMining', 'noMiningLicence']));
  });

  test('a mine with no licence at all fails the mining condition even without production', () => {
    const mine = enterprise(['mine']);
    expect(check(mine).annex3.conditions.mining.evidence).toEqual([{ kind: 'documentMissing', code: 'noMiningLicence', document: 'miningLicence' }]);
    expect(check(mine).annex3.illegalOrOverQuotaMining.answer).toBe(false);
  });
});
