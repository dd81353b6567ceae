import type { PrismaClient } from '@prisma/client';
import { dayNumber } from '../domain/campaign';
import { isoOf } from './decimal';

export type ValidityStatus = 'valid' | 'expired' | 'notYetValid';

function validity(asOf: string, from: string | undefined, to: string | undefined): ValidityStatus {
  if (from !== undefined && dayNumber(asOf) < dayNumber(from)) return 'notYetValid';
  if (to !== undefined && dayNumber(asOf) > dayNumber(to)) return 'expired';
  return 'valid';
}

const tonnes = (d: { toFixed(n: number): string } | null | undefined) => (d ? d.toFixed(3) : '0.000');

export interface Page {
  page: number;
  pageSize: number;
}

/**
 * An enterprise's production-and-operation archive (生产经营档案, plan section 一.(六)): basic data,
 * papers with their validity on `asOf`, plans, the monthly ledger (paged), purchases by supplier,
 * sales by customer, partners in other provinces, tax paid, tips and the import history.
 * Quantities are tonnes REO and money yuan, as decimal strings.
 */
export async function enterpriseArchive(prisma: PrismaClient, code: string, options: { asOf: string; ledger: Page }) {
  const enterprise = await prisma.enterprise.findUnique({ where: { code } });
  if (!enterprise) return undefined;
  const mine = { enterpriseCode: code };
  const [licences, permits, plans, ledgerTotal, ledgerRows, bySupplier, byCustomer, tradesOut, tradesIn, tax, taxTotals, tips, versions] = await Promise.all([
    prisma.miningLicence.findMany({ where: { holderCode: code }, orderBy: { validFrom: 'asc' } }),
    prisma.permitDocument.findMany({ where: mine, orderBy: { issuedOn: 'asc' } }),
    prisma.productionPlan.findMany({ where: mine, orderBy: [{ year: 'asc' }, { category: 'asc' }] }),
    prisma.ledgerEntry.count({ where: mine }),
    prisma.ledgerEntry.findMany({
      where: mine,
      orderBy: [{ month: 'asc' }, { id: 'asc' }],
      skip: (options.ledger.page - 1) * options.ledger.pageSize,
      take: options.ledger.pageSize,
    }),
    prisma.ledgerEntry.groupBy({
      by: ['supplierCode', 'supplierName', 'category'],
      where: { ...mine, purchaseTonnes: { gt: 0 } },
      _sum: { purchaseTonnes: true },
      orderBy: [{ supplierName: 'asc' }, { category: 'asc' }],
    }),
    prisma.ledgerEntry.groupBy({
      by: ['customerCode', 'customerName', 'category'],
      where: { ...mine, salesTonnes: { gt: 0 } },
      _sum: { salesTonnes: true },
      orderBy: [{ customerName: 'asc' }, { category: 'asc' }],
    }),
    prisma.tradeRecord.groupBy({ by: ['buyerCode', 'buyerName'], where: { sellerCode: code }, _sum: { tonnes: true } }),
    prisma.tradeRecord.groupBy({ by: ['sellerCode'], where: { buyerCode: code }, _sum: { tonnes: true } }),
    prisma.taxRecord.findMany({ where: mine, orderBy: { period: 'asc' } }),
    prisma.taxRecord.aggregate({ where: mine, _sum: { vatYuan: true, resourceTaxYuan: true, compensationFeeYuan: true } }),
    prisma.tip.findMany({ where: { enterpriseCode: code }, orderBy: { receivedAt: 'asc' } }),
    prisma.enterpriseVersion.findMany({
      where: mine,
      select: { version: true, importedAt: true, importedBy: true, source: true },
      orderBy: { version: 'asc' },
    }),
  ]);

  const partnerCodes = [
    ...new Set(
      [...tradesOut.map((t) => t.buyerCode), ...tradesIn.map((t) => t.sellerCode), ...bySupplier.map((s) => s.supplierCode), ...byCustomer.map((c) => c.customerCode)].filter(
        (c): c is string => c !== null,
      ),
    ),
  ];
  const partners = new Map(
    (await prisma.enterprise.findMany({ where: { code: { in: partnerCodes } }, select: { code: true, name: true, provinceName: true } })).map((p) => [p.code, p]),
  );
  const elsewhere = (partnerCode: string | null) => {
    const p = partnerCode === null ? undefined : partners.get(partnerCode);
    return p && p.provinceName !== enterprise.provinceName ? p : undefined;
  };

  return {
    enterprise: {
      code: enterprise.code,
      name: enterprise.name,
      address: enterprise.address,
      legalRepresentative: enterprise.legalRepresentative,
      phone: enterprise.phone,
      contact: enterprise.contact,
      contactTitle: enterprise.contactTitle,
      mobile: enterprise.mobile,
      province: enterprise.provinceName,
      types: enterprise.types,
      currentVersion: enterprise.currentVersion,
      updatedAt: enterprise.updatedAt.toISOString(),
      updatedBy: enterprise.updatedBy,
    },
    asOf: options.asOf,
    miningLicences: licences.map((l) => ({
      number: l.number,
      area: l.area,
      validFrom: isoOf(l.validFrom),
      validTo: isoOf(l.validTo),
      annualQuotaTonnes: l.annualQuotaTonnes?.toFixed(3),
      status: validity(options.asOf, isoOf(l.validFrom), isoOf(l.validTo)),
    })),
    permits: permits.map((p) => ({
      kind: p.kind,
      authority: p.authority,
      documentNo: p.documentNo,
      issuedOn: isoOf(p.issuedOn),
      expiresOn: p.expiresOn ? isoOf(p.expiresOn) : undefined,
      status: validity(options.asOf, isoOf(p.issuedOn), p.expiresOn ? isoOf(p.expiresOn) : undefined),
    })),
    plans: plans.map((p) => ({ year: p.year, category: p.category, quotaTonnes: p.quotaTonnes.toFixed(3) })),
    ledger: {
      page: options.ledger.page,
      pageSize: options.ledger.pageSize,
      total: ledgerTotal,
      rows: ledgerRows.map((r) => ({
        month: r.month,
        product: r.product,
        category: r.category,
        planTonnes: r.planTonnes?.toFixed(3),
        productionTonnes: tonnes(r.productionTonnes),
        exportTonnes: tonnes(r.exportTonnes),
        purchaseTonnes: tonnes(r.purchaseTonnes),
        supplier: r.supplierName === null ? undefined : { code: r.supplierCode ?? undefined, name: r.supplierName },
        salesTonnes: tonnes(r.salesTonnes),
        customer: r.customerName === null ? undefined : { code: r.customerCode ?? undefined, name: r.customerName },
      })),
    },
    purchasesBySupplier: bySupplier.map((s) => ({
      supplier: { code: s.supplierCode ?? undefined, name: s.supplierName ?? '' },
      category: s.category,
      tonnes: tonnes(s._sum.purchaseTonnes),
    })),
    salesByCustomer: byCustomer.map((c) => ({
      customer: { code: c.customerCode ?? undefined, name: c.customerName ?? '' },
      category: c.category,
      tonnes: tonnes(c._sum.salesTonnes),
    })),
    partnersInOtherProvinces: [
      ...tradesOut.flatMap((t) => {
        const p = elsewhere(t.buyerCode);
        return p ? [{ role: 'buyer' as const, code: p.code, name: p.name, province: p.provinceName, tonnes: tonnes(t._sum.tonnes) }] : [];
      }),
      ...tradesIn.flatMap((t) => {
        const p = elsewhere(t.sellerCode);
        return p ? [{ role: 'seller' as const, code: p.code, name: p.name, province: p.provinceName, tonnes: tonnes(t._sum.tonnes) }] : [];
      }),
    ],
    taxPaid: {
      byPeriod: tax.map((t) => ({
        period: t.period,
        vatYuan: t.vatYuan.toFixed(2),
        resourceTaxYuan: t.resourceTaxYuan.toFixed(2),
        compensationFeeYuan: t.compensationFeeYuan.toFixed(2),
      })),
      totals: {
        vatYuan: taxTotals._sum.vatYuan?.toFixed(2) ?? '0.00',
        resourceTaxYuan: taxTotals._sum.resourceTaxYuan?.toFixed(2) ?? '0.00',
        compensationFeeYuan: taxTotals._sum.compensationFeeYuan?.toFixed(2) ?? '0.00',
      },
    },
    tips: tips.map((t) => ({ id: t.id, source: t.source, text: t.text, receivedAt: t.receivedAt.toISOString() })),
    versions: versions.map((v) => ({ version: v.version, importedAt: v.importedAt.toISOString(), importedBy: v.importedBy, source: v.source })),
  };
}

export type EnterpriseArchive = NonNullable<Awaited<ReturnType<typeof enterpriseArchive>>>;
