import { type CampaignDataset, type ReviewWindow, buildDataset, defaultReviewWindow, emptyDossier, windowMonths, yearOf } from '../../domain/campaign';
import type { EnterpriseType } from '../../domain/enums';
import type { FindingCode } from '../../domain/rules/findings';
import type { Actor, Plant, Role } from './actor';
import { type ProvinceInfo, creditCode, fictionalIdentity, provinces, recycledProduct, smeltedProducts, weightedProvince } from './fictional';
import { FlowSimulator, hidesInflow } from './flows';
import { PaperOffice } from './papers';
import { Prng } from './prng';

export interface GeneratorOptions {
  seed: number;
  /** How many listed enterprises; at least 10 so that every role exists. Default 300. */
  enterprises?: number;
  window?: ReviewWindow;
  /** Share of enterprises planted with each kind of violation (at least one each unless 0). Default 2 %. */
  violationRate?: number;
}

export interface GeneratedCampaign {
  seed: number;
  window: ReviewWindow;
  dataset: CampaignDataset;
  /** Every enterprise the rules must flag, with exactly the codes they must raise. */
  manifest: ReadonlyMap<string, ReadonlySet<FindingCode>>;
  /** What was planted directly (the manifest adds the consequences). */
  planted: ReadonlyMap<string, Plant>;
}

const roleShares: Record<Role, number> = { mine: 0.3, smelter: 0.15, recycler: 0.1, trader: 0.25, exporter: 0.2 };
const roles = Object.keys(roleShares) as Role[];

const business: Record<Role, string> = { mine: '矿业', smelter: '冶炼分离', recycler: '资源再生', trader: '贸易', exporter: '进出口' };

const plantOrder: readonly Plant[] = [
  'illegalMining',
  'overQuotaMining',
  'productionWithoutPlan',
  'productionAbovePlan',
  'soldToUnplanned',
  'massBalanceGap',
  'offSiteInvoicing',
  'unexplainedSource',
  'noEiaApproval',
  'noSafetyFiling',
  'unapprovedByProductRecovery',
];

const noMonths: ReadonlySet<number> = new Set();

/**
 * A fictional campaign with a known answer: clean enterprises are clean by construction, and every
 * planted violation, with the findings it causes in others, is in the manifest.
 */
export function generateCampaign(options: GeneratorOptions): GeneratedCampaign {
  const count = options.enterprises ?? 300;
  if (!Number.isSafeInteger(count) || count < 10) throw new RangeError('a generated campaign needs at least 10 enterprises');
  const window = options.window ?? defaultReviewWindow;
  const rng = new Prng(options.seed);
  const months = windowMonths(window);
  const codeOffset = rng.int(0, 99_999_999);

  const actors = assignRoles(count, rng).map((role, serial) => createActor(rng, role, serial, codeOffset));
  const byRole = groupByRole(actors);
  linkPartners(rng, byRole);
  markInflow(byRole);
  plant(rng, byRole, actors, months.length, options.violationRate ?? 0.02);

  const flows = new FlowSimulator(rng, months, window, byRole, count, codeOffset);
  for (let k = 0; k < months.length; k++) flows.runMonth(k);

  const papers = new PaperOffice(rng, months, window);
  for (const mine of byRole.mine) papers.miningLicences(mine);
  for (const producer of [...byRole.mine, ...byRole.smelter, ...byRole.recycler]) {
    papers.permits(producer);
    papers.plans(producer);
  }

  return {
    seed: options.seed,
    window,
    dataset: buildDataset(actors.map((a) => a.dossier)),
    manifest: manifestOf(actors),
    planted: new Map(actors.filter((a) => a.plant).map((a) => [a.dossier.enterprise.code, a.plant!])),
  };
}

function assignRoles(count: number, rng: Prng): Role[] {
  const list: Role[] = [...roles];
  const quotas = roles.map((role) => Math.max(0, Math.round(count * roleShares[role]) - 1));
  roles.forEach((role, i) => {
    for (let n = 0; n < quotas[i]; n++) list.push(role);
  });
  while (list.length < count) list.push(rng.pick(roles));
  list.length = count;
  return rng.shuffle(list);
}

function typesOf(rng: Prng, role: Role): [EnterpriseType, ...EnterpriseType[]] {
  const r = rng.next();
  switch (role) {
    case 'mine':
      return r < 0.85 ? ['mine'] : ['mine', 'trading'];
    case 'smelter':
      return r < 0.6 ? ['smelting'] : r < 0.9 ? ['smelting', 'export'] : ['smelting', 'recycling'];
    case 'recycler':
      return r < 0.75 ? ['recycling'] : ['recycling', 'trading'];
    case 'trader':
      return r < 0.7 ? ['trading'] : ['trading', 'export'];
    case 'exporter':
      return ['export'];
  }
}

const miningProvinces = provinces.filter((p) => p.ore !== undefined);

function createActor(rng: Prng, role: Role, serial: number, codeOffset: number): Actor {
  const province: ProvinceInfo = weightedProvince(rng, role === 'mine' ? miningProvinces : provinces);
  const identity = fictionalIdentity(rng, province, business[role], serial);
  const code = creditCode(province, serial, codeOffset);
  const dossier = emptyDossier({ code, ...identity, province: province.name, types: typesOf(rng, role) });
  const product = role === 'mine' ? province.ore! : role === 'recycler' ? recycledProduct : rng.pick(smeltedProducts);
  return {
    serial,
    role,
    province,
    dossier,
    ref: { code, name: identity.name },
    product,
    baseKg: role === 'mine' ? rng.int(20, 300) * 1000 : role === 'recycler' ? rng.int(5, 50) * 1000 : 0,
    yieldPermille: rng.int(970, 990),
    hasInflow: role === 'mine' || role === 'recycler',
    plantMonths: noMonths,
    inbox: [],
    ledgerProductionByYear: new Map(),
    maxMonthlyLedgerProduction: 0,
    plannedYears: new Set(),
    monthSalesFen: 0,
    monthMinedKg: 0,
  };
}

function groupByRole(actors: readonly Actor[]): Record<Role, Actor[]> {
  const byRole: Record<Role, Actor[]> = { mine: [], smelter: [], recycler: [], trader: [], exporter: [] };
  for (const actor of actors) byRole[actor.role].push(actor);
  return byRole;
}

/** Mostly within the province, as the plan expects; a fifth of the time anywhere, so chains cross borders. */
function partnerPicker(rng: Prng, candidates: readonly Actor[]): (from: Actor) => Actor {
  const byProvince = new Map<string, Actor[]>();
  for (const c of candidates) {
    const list = byProvince.get(c.province.name) ?? [];
    list.push(c);
    byProvince.set(c.province.name, list);
  }
  return (from) => {
    const local = byProvince.get(from.province.name);
    return local && rng.chance(0.8) ? rng.pick(local) : rng.pick(candidates);
  };
}

function linkPartners(rng: Prng, byRole: Record<Role, Actor[]>): void {
  const smelter = partnerPicker(rng, byRole.smelter);
  const distributor = partnerPicker(rng, [...byRole.trader, ...byRole.exporter]);
  const exporter = partnerPicker(rng, byRole.exporter);
  for (const mine of byRole.mine) mine.customer = smelter(mine);
  for (const a of [...byRole.smelter, ...byRole.recycler]) a.customer = distributor(a);
  for (const trader of byRole.trader) trader.customer = exporter(trader);
}

/** Who will have goods every month; planting needs that for a violation to show. */
function markInflow(byRole: Record<Role, Actor[]>): void {
  for (const role of ['mine', 'smelter', 'recycler', 'trader'] as const) {
    for (const a of byRole[role]) if (a.hasInflow && a.customer) a.customer.hasInflow = true;
  }
}

function plant(rng: Prng, byRole: Record<Role, Actor[]>, actors: readonly Actor[], monthCount: number, rate: number): void {
  const perKind = rate <= 0 ? 0 : Math.max(1, Math.round(actors.length * rate));
  const producers = [...byRole.mine, ...byRole.smelter, ...byRole.recycler].filter((a) => a.hasInflow);
  const pools: Record<Plant, readonly Actor[]> = {
    illegalMining: byRole.mine,
    overQuotaMining: byRole.mine,
    productionWithoutPlan: producers,
    productionAbovePlan: producers,
    soldToUnplanned: byRole.mine,
    massBalanceGap: actors.filter((a) => a.hasInflow),
    offSiteInvoicing: actors.filter((a) => a.hasInflow && a.customer),
    unexplainedSource: [...byRole.smelter, ...byRole.trader, ...byRole.exporter],
    noEiaApproval: producers,
    noSafetyFiling: producers,
    // Smelters that also tick 回收利用 recover from their own separation: they hold the approval too.
    unapprovedByProductRecovery: byRole.recycler.filter((a) => a.hasInflow),
  };
  const someMonths = () => new Set(rng.shuffle([...Array(monthCount).keys()]).slice(0, rng.int(1, Math.min(3, monthCount))));
  for (const kind of plantOrder) {
    const candidates = rng.shuffle(pools[kind].filter((a) => a.plant === undefined));
    for (const actor of candidates.slice(0, perKind)) {
      actor.plant = kind;
      if (kind === 'soldToUnplanned') actor.oreTrader = rng.pick(byRole.trader);
      if (kind === 'soldToUnplanned' || kind === 'offSiteInvoicing' || kind === 'unexplainedSource') actor.plantMonths = someMonths();
    }
  }
}

/**
 * The planted codes plus their consequences:
 * - illegal mining also fails the mining-licence condition (every planted miner ticks 矿山);
 * - a mine whose ore is illegal (unlicensed, over quota, or unplanned) makes its customer a buyer of
 *   illegal ore. An enterprise carries one plant only, so such mines are never the ones selling to
 *   traders: they sell all their ore to that one smelter every month, up to the window's last, and
 *   smelters sell no ore on, so the taint goes exactly one step;
 * - ore sold to an enterprise holding no plan that year (a trader, or a smelter whose plan was
 *   withheld) is soldToUnplanned for the seller;
 * - a mass-balance gap that hides what came in (production, purchases) is also an unexplained source:
 *   the ledger shows more going out of a category than came in;
 * - off-site invoicing is read from the invoices actually issued.
 */
function manifestOf(actors: readonly Actor[]): Map<string, Set<FindingCode>> {
  const manifest = new Map<string, Set<FindingCode>>();
  const add = (actor: Actor, code: FindingCode) => {
    const key = actor.dossier.enterprise.code;
    let codes = manifest.get(key);
    if (!codes) manifest.set(key, (codes = new Set()));
    codes.add(code);
  };
  const byCode = new Map(actors.map((a) => [a.dossier.enterprise.code, a]));
  for (const actor of actors) {
    const { plant } = actor;
    if (plant !== undefined && plant !== 'offSiteInvoicing') add(actor, plant);
    if (plant === 'illegalMining') add(actor, 'noMiningLicence');
    if (plant === 'massBalanceGap' && hidesInflow(actor.role)) add(actor, 'unexplainedSource');
    const illegalOre = plant === 'illegalMining' || plant === 'overQuotaMining' || (plant === 'productionWithoutPlan' && actor.role === 'mine');
    if (illegalOre) add(actor.customer!, 'boughtIllegalOre');
    for (const trade of actor.dossier.tradesOut) {
      if (trade.invoiceProvince !== actor.province.name) add(actor, 'offSiteInvoicing');
      if (trade.category !== 'mineral') continue;
      const buyer = trade.buyer.code === undefined ? undefined : byCode.get(trade.buyer.code);
      if (!buyer?.plannedYears.has(yearOf(trade.date))) add(actor, 'soldToUnplanned');
    }
  }
  return manifest;
}
