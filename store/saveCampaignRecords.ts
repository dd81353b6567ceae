import { createHash } from 'node:crypto';
import type { PrismaClient } from '@prisma/client';
import { assembleDossiers, formatTonnes, formatYuan, type CampaignRecords, type Enterprise, type EnterpriseDossier } from '../domain/campaign';
import { appendAudit, type AuditEntry } from './audit';
import { transactionConnection } from '../platform/prisma';
import { copyRows } from './copyRows';
import { canonicalJson } from './canonicalJson';

export interface ImportOutcome {
  created: string[];
  changed: string[];
  unchanged: string[];
  /** Rows written to the archive tables (ledger lines, permits, plans, trades, tax records). */
  rowsWritten: number;
}

/** What one import says about one enterprise: the unit of versioning. */
function snapshotOf(dossier: EnterpriseDossier) {
  const { enterprise, miningLicences, eiaApprovals, safetyFilings, recoveryApprovals, plans, ledger, tradesOut, taxRecords } = dossier;
  return { enterprise, miningLicences, eiaApprovals, safetyFilings, recoveryApprovals, plans, ledger, tradesOut, taxRecords };
}

const SNAPSHOTS_PER_STATEMENT = 500;

/**
 * Writes validated campaign records. Idempotent by natural keys: an enterprise whose content is
 * unchanged (same hash as its current version) is not touched; a new one gets version 1; a changed
 * one gets the next version, and its archive rows are replaced while the old versions keep what it
 * said before. All of it happens in one transaction: a failure writes nothing.
 */
export async function saveCampaignRecords(
  prisma: PrismaClient,
  records: CampaignRecords,
  meta: { source: string; actor: string; audit?: (outcome: ImportOutcome) => AuditEntry },
): Promise<ImportOutcome> {
  const dossiers = assembleDossiers(records).map((dossier) => {
    // The snapshot is stored as the very text its hash is of.
    const snapshot = canonicalJson(snapshotOf(dossier));
    return { dossier, snapshot, hash: createHash('sha256').update(snapshot).digest('hex') };
  });
  const codes = dossiers.map((d) => d.dossier.enterprise.code);

  return prisma.$transaction(
    async (tx) => {
      const existing = await tx.enterprise.findMany({
        where: { code: { in: codes } },
        select: { code: true, currentVersion: true, versions: { select: { version: true, contentHash: true }, orderBy: { version: 'desc' }, take: 1 } },
      });
      const current = new Map(existing.map((e) => [e.code, { version: e.currentVersion, hash: e.versions[0]?.contentHash }]));
      const outcome: ImportOutcome = { created: [], changed: [], unchanged: [], rowsWritten: 0 };
      const toWrite = dossiers.filter(({ dossier, hash }) => {
        const code = dossier.enterprise.code;
        const before = current.get(code);
        if (!before) outcome.created.push(code);
        else if (before.hash === hash) outcome.unchanged.push(code);
        else outcome.changed.push(code);
        return before?.hash !== hash;
      });
      // The import's audit row commits with what it wrote (or records that it wrote nothing).
      const audited = async () => {
        const audit = meta.audit?.(outcome);
        if (audit) await appendAudit(tx, audit);
        return outcome;
      };
      if (toWrite.length === 0) return audited();

      const provinces = [...new Set(toWrite.map((d) => d.dossier.enterprise.province))];
      await tx.province.createMany({ data: provinces.map((name) => ({ name })), skipDuplicates: true });

      const changed = outcome.changed;
      if (changed.length > 0) {
        const mine = { enterpriseCode: { in: changed } };
        await tx.ledgerEntry.deleteMany({ where: mine });
        await tx.permitDocument.deleteMany({ where: mine });
        await tx.productionPlan.deleteMany({ where: mine });
        await tx.taxRecord.deleteMany({ where: mine });
        await tx.miningLicence.deleteMany({ where: { holderCode: { in: changed } } });
        await tx.tradeRecord.deleteMany({ where: { sellerCode: { in: changed } } });
      }

      const audit = { updatedBy: meta.actor, updatedAt: new Date() };
      const stamped = { audit };
      // The new enterprises and the archive rows go by COPY on the transaction's own connection:
      // all of it commits or none.
      const connection = await transactionConnection(prisma, tx);
      const versionOf = (code: string) => (current.get(code)?.version ?? 0) + 1;
      const basic = {
        name: (e: Enterprise) => e.name,
        address: (e: Enterprise) => e.address,
        legalRepresentative: (e: Enterprise) => e.legalRepresentative,
        phone: (e: Enterprise) => e.phone,
        contact: (e: Enterprise) => e.contact,
        contactTitle: (e: Enterprise) => e.contactTitle,
        mobile: (e: Enterprise) => e.mobile,
        provinceName: (e: Enterprise) => e.province,
        types: (e: Enterprise) => e.types,
      };
      const created = toWrite.map((d) => d.dossier.enterprise).filter((e) => !current.has(e.code));
      await copyRows(connection, 'Enterprise', created, { code: (e) => e.code, ...basic, currentVersion: () => 1 }, stamped);
      for (const e of toWrite.map((d) => d.dossier.enterprise).filter((e) => current.has(e.code))) {
        const data = Object.fromEntries(Object.entries(basic).map(([column, value]) => [column, value(e)]));
        await tx.enterprise.update({ where: { code: e.code }, data: { ...data, currentVersion: versionOf(e.code), updatedBy: audit.updatedBy } });
      }
      await copyRows(
        connection,
        'EnterpriseVersion',
        toWrite,
        {
          enterpriseCode: (d) => d.dossier.enterprise.code,
          version: (d) => versionOf(d.dossier.enterprise.code),
          contentHash: (d) => d.hash,
          snapshot: (d) => d.snapshot,
          source: () => meta.source,
          importedBy: () => meta.actor,
        },
        // A snapshot is a whole dossier: 500 of them make a statement of a few megabytes.
        { rowsPerStatement: SNAPSHOTS_PER_STATEMENT },
      );

      const written = toWrite.map((d) => d.dossier);
      const tonnes = (kg: number | undefined) => (kg === undefined ? null : formatTonnes(kg));
      const yuan = (fen: number | undefined) => (fen === undefined ? null : formatYuan(fen));
      outcome.rowsWritten += await copyRows(
        connection,
        'MiningLicence',
        written.flatMap((d) => d.miningLicences),
        { number: (l) => l.number, holderCode: (l) => l.holderCode, area: (l) => l.area, validFrom: (l) => l.validFrom, validTo: (l) => l.validTo, annualQuotaTonnes: (l) => tonnes(l.annualQuotaKgReo) },
        stamped,
      );
      const permits = written.flatMap((d) => [
        ...d.eiaApprovals.map((p) => ({ kind: 'eia', p })),
        ...d.safetyFilings.map((p) => ({ kind: 'safety', p })),
        ...d.recoveryApprovals.map((p) => ({ kind: 'recovery', p })),
      ]);
      outcome.rowsWritten += await copyRows(
        connection,
        'PermitDocument',
        permits,
        { kind: (d) => d.kind, enterpriseCode: (d) => d.p.enterpriseCode, authority: (d) => d.p.authority, documentNo: (d) => d.p.documentNo, issuedOn: (d) => d.p.issuedOn, expiresOn: (d) => d.p.expiresOn },
        stamped,
      );
      outcome.rowsWritten += await copyRows(
        connection,
        'ProductionPlan',
        written.flatMap((d) => d.plans),
        { enterpriseCode: (p) => p.enterpriseCode, year: (p) => p.year, category: (p) => p.category, quotaTonnes: (p) => tonnes(p.quotaKgReo) },
        stamped,
      );
      outcome.rowsWritten += await copyRows(connection, 'LedgerEntry', written.flatMap((d) => d.ledger), {
        enterpriseCode: (row) => row.enterpriseCode,
        month: (row) => row.month,
        product: (row) => row.product,
        category: (row) => row.category,
        planTonnes: (row) => tonnes(row.planKgReo),
        productionTonnes: (row) => tonnes(row.productionKgReo),
        exportTonnes: (row) => tonnes(row.exportKgReo),
        purchaseTonnes: (row) => tonnes(row.purchaseKgReo),
        supplierCode: (row) => row.supplier?.code,
        supplierName: (row) => row.supplier?.name,
        salesTonnes: (row) => tonnes(row.salesKgReo),
        customerCode: (row) => row.customer?.code,
        customerName: (row) => row.customer?.name,
      });
      outcome.rowsWritten += await copyRows(
        connection,
        'TradeRecord',
        written.flatMap((d) => d.tradesOut),
        {
          id: (t) => t.id,
          sellerCode: (t) => t.sellerCode,
          buyerCode: (t) => t.buyer.code,
          buyerName: (t) => t.buyer.name,
          product: (t) => t.product,
          category: (t) => t.category,
          tonnes: (t) => tonnes(t.kgReo),
          tradedOn: (t) => t.date,
          invoiceNo: (t) => t.invoiceNo,
          invoiceProvince: (t) => t.invoiceProvince,
          amountYuan: (t) => yuan(t.amountFen),
        },
        stamped,
      );
      outcome.rowsWritten += await copyRows(
        connection,
        'TaxRecord',
        written.flatMap((d) => d.taxRecords),
        { enterpriseCode: (t) => t.enterpriseCode, period: (t) => t.period, vatYuan: (t) => yuan(t.vatFen), resourceTaxYuan: (t) => yuan(t.resourceTaxFen), compensationFeeYuan: (t) => yuan(t.compensationFeeFen) },
        stamped,
      );
      return audited();
    },
    { timeout: 30 * 60_000, maxWait: 60_000 },
  );
}
