import { calendar2014, campaignDay, campaignTimeBase, phaseEnds, phaseOn } from '../../domain/campaignClock';

describe('the campaign date at a wall time', () => {
  const started = Date.parse('2026-12-01T08:00:00Z');
  const scale = { kind: 'scaled', daysPerSecond: 0.5 } as const;
  const clock = campaignTimeBase(calendar2014, started, scale);

  test('on a scaled clock: the first day, then one campaign day per 1/daysPerSecond seconds', () => {
    expect(campaignDay(clock, started)).toBe('2014-10-10');
    expect(campaignDay(clock, started + 1_999)).toBe('2014-10-10');
    expect(campaignDay(clock, started + 2_000)).toBe('2014-10-11');
    expect(campaignDay(clock, started + 44 * 2_000)).toBe('2014-11-23');
  });

  test('agrees with the phase ends the workflows are given', () => {
    const ends = phaseEnds(calendar2014, started, scale);
    // A wall second is half a campaign day here; the clock reads to the campaign minute.
    const at = (iso: string) => Date.parse(iso);
    expect(phaseOn(calendar2014, campaignDay(clock, at(ends.selfInspection) - 1_000))).toBe('selfInspection');
    expect(phaseOn(calendar2014, campaignDay(clock, at(ends.selfInspection)))).toBe('rectification');
    expect(phaseOn(calendar2014, campaignDay(clock, at(ends.rectification)))).toBe('acceptance');
    expect(phaseOn(calendar2014, campaignDay(clock, at(ends.acceptance)))).toBe('closed');
  });

  test('in real time: the day in China Standard Time', () => {
    const realtime = campaignTimeBase(calendar2014, started, { kind: 'realtime' });
    expect(campaignDay(realtime, Date.parse('2014-11-25T15:59:00Z'))).toBe('2014-11-25');
    expect(campaignDay(realtime, Date.parse('2014-11-25T16:00:00Z'))).toBe('2014-11-26');
    expect(phaseOn(calendar2014, '2014-11-26')).toBe('rectification');
  });
});
