import { createHash } from 'node:crypto';
import type { PrismaClient } from '@prisma/client';
import { assembleDossiers, formatTonnes, formatYuan, type CampaignRecords, type EnterpriseDossier } from '../domain/campaign';
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

      const audit = { updatedBy: meta.actor, updatedAt: new Date() };
      const enterpriseRow = (d: EnterpriseDossier, version: number) => {
        const { province, ...basic } = d.enterprise;
        return { ...basic, provinceName: province, currentVersion: version };
      };
      // The new enterprises and the archive rows go by COPY on the transaction's own connection:
      // all of it commits or none.
      const connection = await transactionConnection(prisma, tx);
      await copyRows(
        connection,
        'Enterprise',
        ['code', 'name', 'address', 'legalRepresentative', 'phone', 'contact', 'contactTitle', 'mobile', 'provinceName', 'types', 'currentVersion'],
        toWrite.filter((d) => !current.has(d.dossier.enterprise.code)).map((d) => enterpriseRow(d.dossier, 1)),
        audit,
      );
      for (const d of toWrite.filter((d) => current.has(d.dossier.enterprise.code))) {
        const { code, ...rest } = enterpriseRow(d.dossier, current.get(d.dossier.enterprise.code)!.version + 1);
        await tx.enterprise.update({ where: { code }, data: { ...rest, updatedBy: audit.updatedBy } });
      }
      await copyRows(
        connection,
        'EnterpriseVersion',
        ['enterpriseCode', 'version', 'contentHash', 'snapshot', 'source', 'importedBy'],
        toWrite.map((d) => ({
          enterpriseCode: d.dossier.enterprise.code,
          version: (current.get(d.dossier.enterprise.code)?.version ?? 0) + 1,
          contentHash: d.hash,
          snapshot: d.snapshot,
          source: meta.source,
          importedBy: meta.actor,
        })),
        undefined,
        // A snapshot is a whole dossier: 500 of them make a statement of a few megabytes.
        SNAPSHOTS_PER_STATEMENT,
      );

      const written = toWrite.map((d) => d.dossier);
      outcome.rowsWritten += await copyRows(
        connection,
        'MiningLicence',
        ['number', 'holderCode', 'area', 'validFrom', 'validTo', 'annualQuotaTonnes'],
        written.flatMap((d) =>
          d.miningLicences.map((l) => ({
            ...l,
            annualQuotaTonnes: l.annualQuotaKgReo === undefined ? null : formatTonnes(l.annualQuotaKgReo),
          })),
        ),
        audit,
      );
      outcome.rowsWritten += await copyRows(
        connection,
        'PermitDocument',
        ['kind', 'enterpriseCode', 'authority', 'documentNo', 'issuedOn', 'expiresOn'],
        written.flatMap((d) => [
          ...d.eiaApprovals.map((p) => ({ kind: 'eia', ...p })),
          ...d.safetyFilings.map((p) => ({ kind: 'safety', ...p })),
          ...d.recoveryApprovals.map((p) => ({ kind: 'recovery', ...p })),
        ]),
        audit,
      );
      outcome.rowsWritten += await copyRows(
        connection,
        'ProductionPlan',
        ['enterpriseCode', 'year', 'category', 'quotaTonnes'],
        written.flatMap((d) => d.plans.map((p) => ({ ...p, quotaTonnes: formatTonnes(p.quotaKgReo) }))),
        audit,
      );
      outcome.rowsWritten += await copyRows(
        connection,
        'LedgerEntry',
        ['enterpriseCode', 'month', 'product', 'category', 'planTonnes', 'productionTonnes', 'exportTonnes', 'purchaseTonnes', 'supplierCode', 'supplierName', 'salesTonnes', 'customerCode', 'customerName'],
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
      outcome.rowsWritten += await copyRows(
        connection,
        'TradeRecord',
        ['id', 'sellerCode', 'buyerCode', 'buyerName', 'product', 'category', 'tonnes', 'tradedOn', 'invoiceNo', 'invoiceProvince', 'amountYuan'],
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
      outcome.rowsWritten += await copyRows(
        connection,
        'TaxRecord',
        ['enterpriseCode', 'period', 'vatYuan', 'resourceTaxYuan', 'compensationFeeYuan'],
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
