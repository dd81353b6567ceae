import type { EnterpriseDossier } from '../../domain/campaign';
import { provinces, type GeneratedCampaign, type ProvinceInfo } from '../../demo/generator';

export type Kind = (generated: GeneratedCampaign) => (d: EnterpriseDossier) => boolean;

/** Trades only and has nothing planted: its case opens exactly a commerce, an industry and a tax task, and closes clean. */
export const cleanTrader: Kind = (generated) => (d) => d.enterprise.types.join() === 'trading' && !generated.manifest.has(d.enterprise.code);

/** A mine with at least one planted violation: its self-inspection has something to find. */
export const problemMine: Kind = (generated) => (d) => d.enterprise.types.includes('mine') && (generated.manifest.get(d.enterprise.code)?.size ?? 0) > 0;

/** Every generated enterprise of `kind` in `province`. */
export const enterprisesOf = (generated: GeneratedCampaign, kind: Kind, province: ProvinceInfo) =>
  generated.dataset.dossiers.filter((d) => d.enterprise.province === province.name && kind(generated)(d));

/** The provinces holding at least `count` enterprises of each kind, in the provinces table's order. */
export const provincesWith = (generated: GeneratedCampaign, kinds: Kind[], count = 1) =>
  provinces.filter((p) => kinds.every((kind) => enterprisesOf(generated, kind, p).length >= count));
