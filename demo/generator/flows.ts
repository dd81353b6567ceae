import { type ProductCategory, type ReviewWindow, type TradeRecord, type YearMonth, dateOfDayNumber, firstDayOf, windowDays, yearOf } from '../../domain/campaign';
import { type Actor, type Lot, type Role, ledgerRow } from './actor';
import { type ProvinceInfo, creditCode, provinces, smeltedProducts } from './fictional';
import type { Prng } from './prng';

/** Fictional prices in fen per kg REO: ore ~150 yuan/kg, separated oxides ~300 yuan/kg (2014 levels). */
const priceFenPerKg: Record<ProductCategory, number> = { mineral: 15_000, smelted: 30_000 };

type Column = 'production' | 'purchase' | 'sales' | 'export';

/**
 * Which ledger column an enterprise planted with massBalanceGap under-reports (to 60 %): mines and
 * recyclers hide production, smelters hide purchases, traders and exporters hide what left.
 */
const hiddenColumns: Record<Role, readonly Column[]> = {
  mine: ['production'],
  recycler: ['production'],
  smelter: ['purchase'],
  trader: ['sales', 'export'],
  exporter: ['export'],
};

/** Hiding what came in leaves the ledger showing more going out than it can explain (无法说明来源). */
export function hidesInflow(role: Role): boolean {
  return hiddenColumns[role].some((column) => column === 'production' || column === 'purchase');
}

/**
 * Moves one month's goods down the chain mine → (ore trader) → smelter → trader → exporter, writing
 * both sides' ledger lines and an invoice for every sale between listed enterprises. Everything
 * bought in a month is processed and passed on within it, so clean ledgers balance (smelters lose
 * only their separation yield).
 */
export class FlowSimulator {
  private tradeSeq = 0;
  private outsiderSeq = 0;
  private readonly dates: string[][];

  constructor(
    private readonly rng: Prng,
    private readonly months: readonly YearMonth[],
    window: ReviewWindow,
    private readonly byRole: Record<Role, Actor[]>,
    /** Serials from here on name enterprises outside the dataset. */
    private readonly outsiderSerialBase: number,
    private readonly codeOffset: number,
  ) {
    const days = windowDays(window);
    // Invoice dates stay inside the window and on days every month has.
    this.dates = months.map((month) => {
      const first = firstDayOf(month);
      const from = Math.max(first, days.from);
      const to = Math.min(first + 27, days.to);
      const dates: string[] = [];
      for (let d = from; d <= Math.max(from, to); d++) dates.push(dateOfDayNumber(d));
      return dates;
    });
  }

  runMonth(k: number): void {
    const { byRole } = this;
    for (const mine of byRole.mine) this.mine(mine, k);
    for (const trader of byRole.trader) this.passOnOre(trader, k);
    for (const smelter of byRole.smelter) this.smelter(smelter, k);
    for (const recycler of byRole.recycler) this.recycler(recycler, k);
    for (const trader of byRole.trader) this.trader(trader, k);
    for (const exporter of byRole.exporter) this.exporter(exporter, k);
    for (const role of Object.keys(byRole) as Role[]) for (const actor of byRole[role]) this.closeMonth(actor, k);
  }

  private mine(mine: Actor, k: number): void {
    const kg = this.output(mine);
    this.produce(mine, k, 'mineral', kg);
    mine.monthMinedKg += kg;
    const customer = mine.customer!;
    if (mine.plant === 'soldToUnplanned' && mine.plantMonths.has(k)) {
      const toTrader = Math.floor((kg * 3) / 10);
      this.sell(mine, mine.oreTrader!, k, mine.product, 'mineral', toTrader, customer);
      this.sell(mine, customer, k, mine.product, 'mineral', kg - toTrader);
    } else {
      this.sell(mine, customer, k, mine.product, 'mineral', kg);
    }
  }

  /** Ore a trader took in this month goes straight on to the smelter it was meant for. */
  private passOnOre(trader: Actor, k: number): void {
    for (const lot of this.receive(trader, k)) this.sell(trader, lot.passOnTo!, k, lot.product, lot.category, lot.kgReo);
  }

  private smelter(smelter: Actor, k: number): void {
    this.buyFromOutsider(smelter, k, 'mineral');
    const ore = this.receive(smelter, k).reduce((sum, lot) => sum + lot.kgReo, 0);
    const produced = Math.floor((ore * smelter.yieldPermille) / 1000);
    if (produced === 0) return;
    this.produce(smelter, k, 'smelted', produced);
    const exported = smelter.dossier.enterprise.types.includes('export') ? Math.floor((produced * 3) / 10) : 0;
    if (exported > 0) this.export(smelter, k, smelter.product, exported);
    this.sell(smelter, smelter.customer!, k, smelter.product, 'smelted', produced - exported);
  }

  private recycler(recycler: Actor, k: number): void {
    const kg = this.output(recycler);
    this.produce(recycler, k, 'smelted', kg);
    this.sell(recycler, recycler.customer!, k, recycler.product, 'smelted', kg);
  }

  private trader(trader: Actor, k: number): void {
    this.buyFromOutsider(trader, k, 'smelted');
    const exports = trader.dossier.enterprise.types.includes('export');
    for (const [product, kg] of byProduct(this.receive(trader, k))) {
      const exported = exports ? Math.floor((kg * 4) / 10) : 0;
      if (exported > 0) this.export(trader, k, product, exported);
      if (kg - exported > 0) this.sell(trader, trader.customer!, k, product, 'smelted', kg - exported);
    }
  }

  private exporter(exporter: Actor, k: number): void {
    this.buyFromOutsider(exporter, k, 'smelted');
    for (const [product, kg] of byProduct(this.receive(exporter, k))) this.export(exporter, k, product, kg);
  }

  private output(producer: Actor): number {
    return Math.max(1000, Math.floor((producer.baseKg * this.rng.int(70, 130)) / 100));
  }

  private produce(actor: Actor, k: number, category: ProductCategory, kg: number): void {
    const ledgerKg = this.reported(actor, 'production', kg);
    ledgerRow(actor, this.months[k], actor.product, category, { productionKgReo: ledgerKg });
    const year = yearOf(this.months[k]);
    actor.ledgerProductionByYear.set(year, (actor.ledgerProductionByYear.get(year) ?? 0) + ledgerKg);
    actor.maxMonthlyLedgerProduction = Math.max(actor.maxMonthlyLedgerProduction, ledgerKg);
  }

  private export(actor: Actor, k: number, product: string, kg: number): void {
    ledgerRow(actor, this.months[k], product, 'smelted', { exportKgReo: this.reported(actor, 'export', kg) });
  }

  private sell(seller: Actor, buyer: Actor, k: number, product: string, category: ProductCategory, kg: number, passOnTo?: Actor): void {
    const amountFen = kg * priceFenPerKg[category];
    const trade = this.invoice(seller.dossier.enterprise.code, this.invoiceProvince(seller, k), buyer, k, product, category, kg, amountFen);
    seller.dossier.tradesOut.push(trade);
    seller.monthSalesFen += amountFen;
    ledgerRow(seller, this.months[k], product, category, { salesKgReo: this.reported(seller, 'sales', kg), customer: buyer.ref });
    buyer.inbox.push({ supplier: seller.ref, product, category, kgReo: kg, ...(passOnTo && { passOnTo }) });
  }

  private invoice(sellerCode: string, province: ProvinceInfo, buyer: Actor, k: number, product: string, category: ProductCategory, kg: number, amountFen: number): TradeRecord {
    const seq = ++this.tradeSeq;
    const date = this.rng.pick(this.dates[k]);
    const trade: TradeRecord = {
      id: `T${seq}`,
      sellerCode,
      buyer: buyer.ref,
      product,
      category,
      kgReo: kg,
      date,
      // 发票代码 (10 digits: region, year, fictional batch) and 发票号码 (8 digits).
      invoiceNo: `${province.code}00${date.slice(2, 4)}3140-${String(seq).padStart(8, '0')}`,
      invoiceProvince: province.name,
      amountFen,
    };
    buyer.dossier.tradesIn.push(trade);
    return trade;
  }

  private invoiceProvince(seller: Actor, k: number): ProvinceInfo {
    if (seller.plant !== 'offSiteInvoicing' || !seller.plantMonths.has(k)) return seller.province;
    const own = provinces.indexOf(seller.province);
    return provinces[(own + this.rng.int(1, provinces.length - 1)) % provinces.length];
  }

  /** Writes the purchase lines for everything that arrived this month and hands the lots over. */
  private receive(buyer: Actor, k: number): Lot[] {
    const lots = buyer.inbox;
    buyer.inbox = [];
    for (const lot of lots) {
      ledgerRow(buyer, this.months[k], lot.product, lot.category, { purchaseKgReo: this.reported(buyer, 'purchase', lot.kgReo), supplier: lot.supplier });
    }
    return lots;
  }

  /**
   * A purchase from an unlisted source for enterprises planted with unexplainedSource: half the time
   * a ledger line naming only a person, otherwise an invoice from a code that is not on the list.
   */
  private buyFromOutsider(buyer: Actor, k: number, category: ProductCategory): void {
    if (buyer.plant !== 'unexplainedSource' || !buyer.plantMonths.has(k)) return;
    const product = category === 'mineral' ? (buyer.province.ore ?? '离子型稀土矿') : this.rng.pick(smeltedProducts);
    const serial = this.outsiderSerialBase + this.outsiderSeq++;
    const name = `个体收购点（虚构 fictional No.${serial + 1}）`;
    const kg = this.rng.int(5, 50) * 1000;
    if (this.rng.chance(0.5)) {
      buyer.inbox.push({ supplier: { name }, product, category, kgReo: kg });
      return;
    }
    const code = creditCode(buyer.province, serial, this.codeOffset);
    this.invoice(code, buyer.province, buyer, k, product, category, kg, kg * priceFenPerKg[category]);
    buyer.inbox.push({ supplier: { code, name }, product, category, kgReo: kg });
  }

  private reported(actor: Actor, column: Column, kg: number): number {
    return actor.plant === 'massBalanceGap' && hiddenColumns[actor.role].includes(column) ? Math.floor((kg * 6) / 10) : kg;
  }

  /** Fictional rates: VAT 17 % included in the price, resource tax 6 fen/kg mined, compensation fee 2 % of sales. */
  private closeMonth(actor: Actor, k: number): void {
    if (actor.monthSalesFen === 0 && actor.monthMinedKg === 0) return;
    actor.dossier.taxRecords.push({
      enterpriseCode: actor.dossier.enterprise.code,
      period: this.months[k],
      vatFen: Math.floor((actor.monthSalesFen * 17) / 117),
      resourceTaxFen: actor.monthMinedKg * 6,
      compensationFeeFen: actor.role === 'mine' ? Math.floor((actor.monthSalesFen * 2) / 100) : 0,
    });
    actor.monthSalesFen = 0;
    actor.monthMinedKg = 0;
  }
}

function byProduct(lots: readonly Lot[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const lot of lots) totals.set(lot.product, (totals.get(lot.product) ?? 0) + lot.kgReo);
  return totals;
}
