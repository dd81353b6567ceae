import { escalationSteps, measures, violations } from '../catalogue';
import type { TimelineDetail } from '../case/timeline';
import { dispositionStatusLabels, reportPunctuation as p } from './index';

type Words = { zh: string; en: string };

const findingLabel: Words = { zh: '发现问题', en: 'Finding' };

/** The actors a workflow records for what it did itself; people are recorded by their email. */
const machineActors: Record<string, Words> = {
  system: { zh: '系统', en: 'System' },
  campaign: { zh: '专项行动', en: 'Campaign' },
  trace: { zh: '出口溯源', en: 'Export trace' },
};

/** Who did what a timeline entry records, in words. */
export function actorWords(actor: string): Words {
  return machineActors[actor] ?? { zh: actor, en: actor };
}

/** A timeline entry in words: its detail named from the catalogue, else its summary as it was recorded. */
export function timelineWords(entry: { summary: string; detail?: TimelineDetail }): Words {
  const { detail } = entry;
  if (!detail) return { zh: entry.summary, en: entry.summary };
  if ('violation' in detail) {
    const label = violations[detail.violation].label;
    return { zh: `${findingLabel.zh}${p.colon}${label.zh}`, en: `${findingLabel.en}: ${label.en}` };
  }
  if ('measure' in detail) {
    const label = measures[detail.measure].label;
    const status = dispositionStatusLabels[detail.status as keyof typeof dispositionStatusLabels] ?? { zh: detail.status, en: detail.status };
    return { zh: `${label.zh}${p.colon}${status.zh}`, en: `${label.en}: ${status.en}` };
  }
  const step = escalationSteps[detail.step].short;
  return { zh: `${step.zh}${p.colon}${detail.to.join(p.enumeration)}`, en: `${step.en}: ${detail.to.join(', ')}` };
}
