import { type Label, provincePlaceholder, reportLabels, reportPunctuation } from '../domain/labels';
import { type CampaignTimeBase, campaignInstant } from '../domain/campaignClock';
import type { ReportKind } from '../domain/reportKinds';
import type { ReportCampaign } from './data';
import { asOfLine, withDraftMark } from './format';
import type { SheetBuilder } from './sheet';

export type { ReportKind };

export interface BuildOptions {
  /** ISO instant the data is as of; it also stamps the files, so equal input gives equal bytes. */
  generatedAt: string;
  /** Marked as a draft (草稿) in every title: generated before the phase's report is due. */
  draft: boolean;
  /** The campaign's clock (a fast one runs ahead of the wall); absent, campaign time is wall time. */
  clock?: CampaignTimeBase;
}

/** A wall-clock instant in the campaign's time: what the reports print as dates. */
export function inCampaignTime(options: BuildOptions, wall: string): string {
  return campaignInstant(options.clock, wall);
}

/** What every report's JSON starts with. */
export interface ReportHeader {
  kind: ReportKind;
  title: string;
  campaign: { id: string; name: string };
  /** Absent for the national roll-up. */
  province?: string;
  generatedAt: string;
  /** The campaign instant the data is as of (generatedAt on the campaign's clock): the date printed. */
  asOf: string;
  draft: boolean;
}

export function reportHeader(kind: ReportKind, title: string, campaign: ReportCampaign, province: string | undefined, options: BuildOptions): ReportHeader {
  return {
    kind,
    title: withDraftMark(title, options.draft),
    campaign: { id: campaign.id, name: campaign.name },
    ...(province === undefined ? {} : { province }),
    generatedAt: options.generatedAt,
    asOf: inCampaignTime(options, options.generatedAt),
    draft: options.draft,
  };
}

/** A provincial form's title with the province's name written into its blank: 江西省企业情况核查汇总表. */
export function provincialTitle(form: Label, province: string): string {
  return form.zh.replace(provincePlaceholder.zh, province);
}

/** 附表N (for the annexes), the title across the page, and which campaign and data it shows. */
export function titleRows(builder: SheetBuilder, header: ReportHeader, annexNo?: number): void {
  if (annexNo !== undefined) builder.row('mark', [`${reportLabels.annexMark.zh}${annexNo}`]);
  builder.wideRow('title', header.title);
  builder.wideRow('subtitle', `${header.campaign.name}${reportPunctuation.space}${asOfLine(header.asOf)}`);
}
