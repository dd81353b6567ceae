import { escalationSteps, measures, violations } from '../catalogue';
import { formatTonnes } from '../campaign/quantity';
import type { TimelineDetail, TraceFigures } from '../case/timeline';
import { agencyLabels, dispositionStatusLabels, phaseLabels, reportPunctuation as p, ruleCheckLabels, timelineLabels, traceLabels as t, transferLabels } from './index';

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

/** What an export trace found, in words: for the timeline of every case it reached, and a referral's facts. */
export function traceWords(f: TraceFigures): Words {
  const verdict = f.illegalKg > 0 ? t.reachesIllegal : t.noIllegal;
  const tonnes = (kg: number) => `${formatTonnes(kg)} t`;
  return {
    zh: `${t.exported.zh} ${tonnes(f.exportedKg)}${p.comma}${f.links} ${t.links.zh}${p.comma}${t.untraced.zh} ${tonnes(f.untracedKg)}${p.comma}${verdict.zh} ${tonnes(f.illegalKg)}${p.open}${f.traceCaseId}${p.close}`,
    en: `${t.exported.en} ${tonnes(f.exportedKg)}, ${f.links} ${t.links.en}, ${t.untraced.en} ${tonnes(f.untracedKg)}, ${verdict.en} ${tonnes(f.illegalKg)} (${f.traceCaseId})`,
  };
}

/** A label, then what it is about: 「标签：内容」, "Label: content". */
const about = (label: Words, content: Words): Words => ({ zh: `${label.zh}${p.colon}${content.zh}`, en: `${label.en}: ${content.en}` });
const same = (text: string): Words => ({ zh: text, en: text });
/** A label and, in brackets, whose it is: 「标签（税务部门）」, "Label (Tax)". */
const whose = (label: Words, owner: Words): Words => ({ zh: `${label.zh}${p.open}${owner.zh}${p.close}`, en: `${label.en} (${owner.en})` });
const sentence = (label: Words): Words => ({ zh: label.zh, en: label.en.charAt(0).toUpperCase() + label.en.slice(1) });

/** A timeline entry in words: its detail named from the catalogue, else its summary as it was recorded. */
export function timelineWords(entry: { summary: string; detail?: TimelineDetail }): Words {
  const { detail } = entry;
  if (!detail) return same(entry.summary);
  if ('violation' in detail) return about(findingLabel, violations[detail.violation].label);
  if ('measure' in detail) {
    const status = dispositionStatusLabels[detail.status as keyof typeof dispositionStatusLabels] ?? same(detail.status);
    return about(measures[detail.measure].label, status);
  }
  if ('step' in detail) return about(escalationSteps[detail.step].short, { zh: detail.to.join(p.enumeration), en: detail.to.join(', ') });
  if ('phase' in detail) return phaseLabels[detail.phase];
  // The reports' titles are the official forms' names, in Chinese in either language.
  if ('submitted' in detail) return about(sentence(timelineLabels.reportsSubmitted), { zh: detail.submitted.join(p.enumeration), en: detail.submitted.join(', ') });
  if ('supervised' in detail) {
    const supervised = sentence(timelineLabels.supervised);
    if (detail.inspectionId === undefined) return supervised;
    return whose(supervised, { zh: `${timelineLabels.jointInspection.zh} ${detail.inspectionId}`, en: `${timelineLabels.jointInspection.en} ${detail.inspectionId}` });
  }
  if ('traced' in detail) return about(sentence(timelineLabels.traced), traceWords(detail.traced));
  if ('ruleFindings' in detail) {
    if (detail.ruleFindings.length === 0) return sentence(ruleCheckLabels.noFindings);
    const found = detail.ruleFindings.map((code) => violations[code].label);
    return about(sentence(ruleCheckLabels.found), { zh: found.map((l) => l.zh).join(p.enumeration), en: found.map((l) => l.en).join(', ') });
  }
  if ('notInArchive' in detail) return sentence(ruleCheckLabels.notInArchive);
  if ('transferOpened' in detail) return whose(sentence(timelineLabels.transferOpened), agencyLabels[detail.transferOpened]);
  if ('transferEnded' in detail) {
    const outcome = detail.outcome === 'withdrawn' ? transferLabels.withdrawn : transferLabels.outcome[detail.outcome];
    return about(whose(sentence(timelineLabels.transferEnded), agencyLabels[detail.transferEnded]), outcome);
  }
  if ('referredToDisciplineInspection' in detail) return sentence(timelineLabels.referral);
  return about(sentence(timelineLabels.completionNotRecorded), same(detail.notRecorded));
}
