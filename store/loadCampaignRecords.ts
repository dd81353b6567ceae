import type { PrismaClient } from '@prisma/client';
import type { CampaignRecords, Enterprise, PartnerRef } from '../domain/campaign';
import { fenOf, isoOf, kgOf } from './decimal';

function partner(code: string | null, name: string | null): PartnerRef | undefined {
  if (name === null) return undefined;
  return code === null ? { name } : { code, name };
}

/**
 * Reads the archive back into the domain's flat records (kilograms, fen, ISO dates), the form the
 * rules take. `provinces` narrows the enterprises; trades are read for those enterprises as buyer
 * or seller, so suppliers in other provinces remain visible to the rules through the dataset.
 * `codes` narrows to the named enterprises and the trades they sold: what an import needs to
 * rewrite their dossiers.
 */
export async function loadCampaignRecords(prisma: PrismaClient, filter: { provinces?: string[]; codes?: string[] } = {}): Promise<CampaignRecords> {
  const enterpriseWhere = {
    ...(filter.provinces ? { provinceName: { in: filter.provinces } } : {}),
    ...(filter.codes ? { code: { in: filter.codes } } : {}),
  };
  const narrowed = filter.provinces !== undefined || filter.codes !== undefined;
  const byEnterprise = narrowed ? { enterprise: enterpriseWhere } : {};
  const [enterprises, licences, permits, plans, ledger, trades, taxRecords] = await Promise.all([
    prisma.enterprise.findMany({ where: enterpriseWhere, orderBy: { code: 'asc' } }),
    prisma.miningLicence.findMany({ where: narrowed ? { holder: enterpriseWhere } : {} }),
    prisma.permitDocument.findMany({ where: byEnterprise, orderBy: { id: 'asc' } }),
    prisma.productionPlan.findMany({ where: byEnterprise, orderBy: { id: 'asc' } }),
    prisma.ledgerEntry.findMany({ where: byEnterprise, orderBy: { id: 'asc' } }),
    prisma.tradeRecord.findMany({ where: filter.codes ? { sellerCode: { in: filter.codes } } : {}, orderBy: { id: 'asc' } }),
    prisma.taxRecord.findMany({ where: byEnterprise }),
  ]);
  return {
    enterprises: enterprises.map(
      (e): Enterprise => ({
        code: e.code,
        name: e.name,
        address: e.address,
        legalRepresentative: e.legalRepresentative,
        phone: e.phone,
        contact: e.contact,
        contactTitle: e.contactTitle,
        mobile: e.mobile,
        province: e.provinceName,
        types: e.types as [Enterprise['types'][number], ...Enterprise['types']],
      }),
    ),
    miningLicences: licences.map((l) => ({
      number: l.number,
      holderCode: l.holderCode,
      area: l.area,
      validFrom: isoOf(l.validFrom),
      validTo: isoOf(l.validTo),
      ...(l.annualQuotaTonnes === null ? {} : { annualQuotaKgReo: kgOf(l.annualQuotaTonnes) }),
    })),
    eiaApprovals: permits.filter((p) => p.kind === 'eia').map(permit),
    safetyFilings: permits.filter((p) => p.kind === 'safety').map(permit),
    recoveryApprovals: permits.filter((p) => p.kind === 'recovery').map(permit),
    plans: plans.map((p) => ({ enterpriseCode: p.enterpriseCode, year: p.year, category: p.category, quotaKgReo: kgOf(p.quotaTonnes) })),
    ledger: ledger.map((row) => ({
      enterpriseCode: row.enterpriseCode,
      month: row.month,
      product: row.product,
      category: row.category,
      ...(row.planTonnes === null ? {} : { planKgReo: kgOf(row.planTonnes) }),
      productionKgReo: kgOf(row.productionTonnes),
      exportKgReo: kgOf(row.exportTonnes),
      purchaseKgReo: kgOf(row.purchaseTonnes),
      supplier: partner(row.supplierCode, row.supplierName),
      salesKgReo: kgOf(row.salesTonnes),
      customer: partner(row.customerCode, row.customerName),
    })),
    trades: trades.map((t) => ({
      id: t.id,
      sellerCode: t.sellerCode,
      buyer: partner(t.buyerCode, t.buyerName)!,
      product: t.product,
      category: t.category,
      kgReo: kgOf(t.tonnes),
      date: isoOf(t.tradedOn),
      invoiceNo: t.invoiceNo,
      invoiceProvince: t.invoiceProvince,
      ...(t.amountYuan === null ? {} : { amountFen: fenOf(t.amountYuan) }),
    })),
    taxRecords: taxRecords.map((t) => ({
      enterpriseCode: t.enterpriseCode,
      period: t.period,
      vatFen: fenOf(t.vatYuan),
      resourceTaxFen: fenOf(t.resourceTaxYuan),
      compensationFeeFen: fenOf(t.compensationFeeYuan),
    })),
  };
}

function permit(p: { enterpriseCode: string; authority: string; documentNo: string; issuedOn: Date; expiresOn: Date | null }) {
  return {
    enterpriseCode: p.enterpriseCode,
    authority: p.authority,
    documentNo: p.documentNo,
    issuedOn: isoOf(p.issuedOn),
    ...(p.expiresOn === null ? {} : { expiresOn: isoOf(p.expiresOn) }),
  };
}
