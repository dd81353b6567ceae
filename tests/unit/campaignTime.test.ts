import { calendar2014, campaignTimeBase, campaignDateTime, campaignDay, campaignDueDay, phaseEnds } from '../../domain/campaignClock';
import { escalationEmail } from '../../domain/case';

const startedAt = Date.parse('2026-12-01T09:00:00.000Z');

describe('campaign time', () => {
  test('on a real-time campaign it is the wall clock read in China Standard Time', () => {
    const clock = campaignTimeBase(calendar2014, startedAt, { kind: 'realtime' });
    expect(clock).toEqual({ startedAt: '2026-12-01T09:00:00.000Z', firstDay: '2014-10-10' });
    expect(campaignDay(clock, '2014-11-25T16:00:00.000Z')).toBe('2014-11-26');
    expect(campaignDateTime(clock, '2014-11-25T15:59:00.000Z')).toBe('2014-11-25 23:59');
    // A case started before campaigns carried a clock reads the same way.
    expect(campaignDay(undefined, '2014-11-25T16:00:00.000Z')).toBe('2014-11-26');
  });

  test('a deadline at 24:00 is due on the day it ends, as a phase is', () => {
    const ends = phaseEnds(calendar2014, startedAt, { kind: 'realtime' });
    expect(campaignDueDay(undefined, ends.selfInspection)).toBe(calendar2014.selfInspection.to);
    expect(campaignDueDay(undefined, '2014-11-01T07:00:00.000Z')).toBe('2014-11-01');
  });

  test.each([0.3, 10, 2])('on a fast clock (%s days a second) the calendar starts when the campaign does and every phase ends at 24:00 on its last day', (daysPerSecond) => {
    const scale = { kind: 'scaled', daysPerSecond } as const;
    const clock = campaignTimeBase(calendar2014, startedAt, scale);
    const ends = phaseEnds(calendar2014, startedAt, scale);
    expect(campaignDateTime(clock, startedAt)).toBe('2014-10-10 00:00');
    for (const phase of ['selfInspection', 'rectification', 'acceptance'] as const) {
      expect(campaignDueDay(clock, ends[phase])).toBe(calendar2014[phase].to);
      expect(campaignDateTime(clock, ends[phase]).slice(11)).toBe('00:00');
    }
    // Ten campaign days after the start, whatever the speed.
    expect(campaignDay(clock, startedAt + (10 * 1_000) / daysPerSecond)).toBe('2014-10-20');
  });

  test('escalation emails give the assignment and the due time in campaign time, the system time beside them on a fast clock', () => {
    const clock = campaignTimeBase(calendar2014, startedAt, { kind: 'scaled', daysPerSecond: 10 });
    const created = new Date(startedAt + 500).toISOString(); // campaign day 5: 2014-10-15 00:00
    const due = new Date(startedAt + 2_500).toISOString(); // day 25: 2014-11-04 00:00
    const email = escalationEmail(
      { campaignId: 'c', province: '江西省', enterprise: { code: '91360000000000000X', name: '某稀土公司', types: ['trading'] }, clock },
      { key: 'k', agencyKind: 'tax', title: '自查核查', createdAt: created, dueAt: due },
      'agencyHead',
      [{ at: created, summary: '自查核查', taskKey: 'k' }],
    );
    expect(email.body).toContain(`下达时间 Assigned: 2014-10-15 00:00（专项行动时间，北京时间 campaign time, Beijing）；系统时间 system time ${created}`);
    expect(email.body).toContain(`办理期限 Due: 2014-11-04 00:00（专项行动时间，北京时间 campaign time, Beijing）；系统时间 system time ${due}`);
    expect(email.body).toContain('  2014-10-15 00:00  自查核查');
    // On a real-time campaign the campaign time is the only time.
    const realtime = escalationEmail(
      { campaignId: 'c', province: '江西省', enterprise: { code: '91360000000000000X', name: '某稀土公司', types: ['trading'] } },
      { key: 'k', agencyKind: 'tax', title: '自查核查', createdAt: '2014-10-12T01:00:00.000Z', dueAt: '2014-11-01T01:00:00.000Z' },
      'reminder',
      [],
    );
    expect(realtime.body).toContain('办理期限 Due: 2014-11-01 09:00（北京时间 Beijing time）\n');
  });
});
