import { createHash } from 'node:crypto';
import type { Prisma, PrismaClient } from '@prisma/client';
import { assembleDossiers, formatTonnes, formatYuan, type CampaignRecords, type EnterpriseDossier } from '../domain/campaign';
import { appendAudit, type AuditEntry } from './audit';
import { bulkInsert } from './bulkInsert';
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

// createMany takes a bind parameter per cell, and PostgreSQL at most 65,535 per statement.
const BATCH = 3_000;

async function insertInBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>): Promise<number> {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
  return rows.length;
}

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
    const snapshot = snapshotOf(dossier);
    return { dossier, snapshot, hash: createHash('sha256').update(canonicalJson(snapshot)).digest('hex') };
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

      const audit = { updatedBy: meta.actor };
      const enterpriseRow = (d: EnterpriseDossier, version: number): Prisma.EnterpriseCreateManyInput => {
        const { province, ...basic } = d.enterprise;
        return { ...basic, provinceName: province, currentVersion: version, ...audit };
      };
      await insertInBatches(
        toWrite.filter((d) => !current.has(d.dossier.enterprise.code)),
        (batch) => tx.enterprise.createMany({ data: batch.map((d) => enterpriseRow(d.dossier, 1)) }),
      );
      for (const d of toWrite.filter((d) => current.has(d.dossier.enterprise.code))) {
        const { code, ...rest } = enterpriseRow(d.dossier, current.get(d.dossier.enterprise.code)!.version + 1);
        await tx.enterprise.update({ where: { code }, data: rest });
      }
      await bulkInsert(
        tx,
        'EnterpriseVersion',
        { enterpriseCode: 'text', version: 'int', contentHash: 'text', snapshot: 'jsonb', source: 'text', importedBy: 'text' },
        toWrite.map((d) => ({
          enterpriseCode: d.dossier.enterprise.code,
          version: (current.get(d.dossier.enterprise.code)?.version ?? 0) + 1,
          contentHash: d.hash,
          snapshot: d.snapshot,
          source: meta.source,
          importedBy: meta.actor,
        })),
        undefined,
        // A snapshot is a whole dossier: 20,000 of them as one JSON array parameter took gigabytes.
        SNAPSHOTS_PER_STATEMENT,
      );

      const written = toWrite.map((d) => d.dossier);
      outcome.rowsWritten += await bulkInsert(
        tx,
        'MiningLicence',
        { number: 'text', holderCode: 'text', area: 'text', validFrom: 'date', validTo: 'date', annualQuotaTonnes: 'numeric' },
        written.flatMap((d) =>
          d.miningLicences.map((l) => ({
            ...l,
            annualQuotaTonnes: l.annualQuotaKgReo === undefined ? null : formatTonnes(l.annualQuotaKgReo),
          })),
        ),
        audit,
      );
      outcome.rowsWritten += await bulkInsert(
        tx,
        'PermitDocument',
        { kind: '"PermitKind"', enterpriseCode: 'text', authority: 'text', documentNo: 'text', issuedOn: 'date', expiresOn: 'date' },
        written.flatMap((d) => [
          ...d.eiaApprovals.map((p) => ({ kind: 'eia', ...p })),
          ...d.safetyFilings.map((p) => ({ kind: 'safety', ...p })),
          ...d.recoveryApprovals.map((p) => ({ kind: 'recovery', ...p })),
        ]),
        audit,
      );
      outcome.rowsWritten += await bulkInsert(
        tx,
        'ProductionPlan',
        { enterpriseCode: 'text', year: 'int', category: '"ProductCategory"', quotaTonnes: 'numeric' },
        written.flatMap((d) => d.plans.map((p) => ({ ...p, quotaTonnes: formatTonnes(p.quotaKgReo) }))),
        audit,
      );
      outcome.rowsWritten += await bulkInsert(
        tx,
        'LedgerEntry',
        {
          enterpriseCode: 'text',
          month: 'text',
          product: 'text',
          category: '"ProductCategory"',
          planTonnes: 'numeric',
          productionTonnes: 'numeric',
          exportTonnes: 'numeric',
          purchaseTonnes: 'numeric',
          supplierCode: 'text',
          supplierName: 'text',
          salesTonnes: 'numeric',
          customerCode: 'text',
          customerName: 'text',
        },
        written.flatMap((d) =>
          d.ledger.map((row) => ({
            ...row,
            planTonnes: row.planKgReo === undefined ? null : formatTonnes(row.planKgReo),
            productionTonnes: formatTonnes(row.productionKgReo),
            exportTonnes: formatTonnes(row.exportKgReo),
            purchaseTonnes: formatTonnes(row.purchaseKgReo),
            supplierCode: row.supplier?.code,
            supplierName: row.supplier?.name,
            salesTonnes: formatTonnes(row.salesKgReo),
            customerCode: row.customer?.code,
            customerName: row.customer?.name,
          })),
        ),
      );
      outcome.rowsWritten += await bulkInsert(
        tx,
        'TradeRecord',
        {
          id: 'text',
          sellerCode: 'text',
          buyerCode: 'text',
          buyerName: 'text',
          product: 'text',
          category: '"ProductCategory"',
          tonnes: 'numeric',
          tradedOn: 'date',
          invoiceNo: 'text',
          invoiceProvince: 'text',
          amountYuan: 'numeric',
        },
        written.flatMap((d) =>
          d.tradesOut.map((t) => ({
            ...t,
            buyerCode: t.buyer.code,
            buyerName: t.buyer.name,
            tonnes: formatTonnes(t.kgReo),
            tradedOn: t.date,
            amountYuan: t.amountFen === undefined ? null : formatYuan(t.amountFen),
          })),
        ),
        audit,
      );
      outcome.rowsWritten += await bulkInsert(
        tx,
        'TaxRecord',
        { enterpriseCode: 'text', period: 'text', vatYuan: 'numeric', resourceTaxYuan: 'numeric', compensationFeeYuan: 'numeric' },
        written.flatMap((d) =>
          d.taxRecords.map((t) => ({
            ...t,
            vatYuan: formatYuan(t.vatFen),
            resourceTaxYuan: formatYuan(t.resourceTaxFen),
            compensationFeeYuan: formatYuan(t.compensationFeeFen),
          })),
        ),
        audit,
      );
      return audited();
    },
    { timeout: 30 * 60_000, maxWait: 60_000 },
  );
}
