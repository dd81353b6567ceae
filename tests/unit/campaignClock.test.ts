import { calendar2014, campaignDateAt, phaseEnds, phaseOn } from '../../domain/campaignClock';

describe('the campaign date at a wall time', () => {
  const started = Date.parse('2026-12-01T08:00:00Z');
  const scale = { kind: 'scaled', daysPerSecond: 0.5 } as const;

  test('on a scaled clock: the first day, then one campaign day per 1/daysPerSecond seconds', () => {
    expect(campaignDateAt(calendar2014, started, scale, started)).toBe('2014-10-10');
    expect(campaignDateAt(calendar2014, started, scale, started + 1_999)).toBe('2014-10-10');
    expect(campaignDateAt(calendar2014, started, scale, started + 2_000)).toBe('2014-10-11');
    expect(campaignDateAt(calendar2014, started, scale, started + 44 * 2_000)).toBe('2014-11-23');
  });

  test('agrees with the phase ends the workflows are given', () => {
    const ends = phaseEnds(calendar2014, started, scale);
    const at = (iso: string) => Date.parse(iso);
    expect(phaseOn(calendar2014, campaignDateAt(calendar2014, started, scale, at(ends.selfInspection) - 1))).toBe('selfInspection');
    expect(phaseOn(calendar2014, campaignDateAt(calendar2014, started, scale, at(ends.selfInspection)))).toBe('rectification');
    expect(phaseOn(calendar2014, campaignDateAt(calendar2014, started, scale, at(ends.rectification)))).toBe('acceptance');
    expect(phaseOn(calendar2014, campaignDateAt(calendar2014, started, scale, at(ends.acceptance)))).toBe('closed');
  });

  test('in real time: the day in China Standard Time', () => {
    const realtime = { kind: 'realtime' } as const;
    expect(campaignDateAt(calendar2014, started, realtime, Date.parse('2014-11-25T15:59:59Z'))).toBe('2014-11-25');
    expect(campaignDateAt(calendar2014, started, realtime, Date.parse('2014-11-25T16:00:00Z'))).toBe('2014-11-26');
    expect(phaseOn(calendar2014, '2014-11-26')).toBe('rectification');
  });
});
