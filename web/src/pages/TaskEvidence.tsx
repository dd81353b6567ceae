import { Descriptions, Typography } from 'antd';
import { DispositionCode, ViolationCode, measures, violations } from '../../../domain/catalogue';
import { evidenceWords } from '../../../domain/labels/evidence';
import { evidenceIn, type Evidence } from '../../../domain/rules/evidence';
import { useText } from '../language';
import { taskUi } from '../taskLocale';

/**
 * What made the task, in words: the rule checks' evidence grouped by the violation it shows, or the
 * violations a handling plan answers, or the measure a disposition carries out. The stored record
 * stays one click away for anything the words leave out.
 */
export function TaskEvidence({ evidence }: { evidence: unknown }) {
  const t = useText();
  const record = (evidence ?? {}) as { annex3?: unknown; violations?: unknown; disposition?: unknown; dueDate?: unknown; reason?: unknown };
  const byViolation = new Map<ViolationCode, Evidence[]>();
  for (const e of evidenceIn(record.annex3)) byViolation.set(e.code, [...(byViolation.get(e.code) ?? []), e]);
  const planned = ViolationCode.array().safeParse(record.violations);
  const measure = DispositionCode.safeParse(record.disposition);

  return (
    <>
      {record.annex3 !== undefined &&
        (byViolation.size === 0 ? (
          <Typography.Paragraph>{t(taskUi.noProblemFound)}</Typography.Paragraph>
        ) : (
          [...byViolation].map(([code, items]) => (
            <section key={code} className="evidence-group">
              <Typography.Title level={3}>{t(violations[code].label)}</Typography.Title>
              <ul>
                {items.map((e, i) => (
                  <li key={i}>{t(evidenceWords(e))}</li>
                ))}
              </ul>
            </section>
          ))
        ))}
      {planned.success && (
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t(taskUi.violationsFound)}>{planned.data.map((v) => t(violations[v].label)).join(t(taskUi.enumeration))}</Descriptions.Item>
        </Descriptions>
      )}
      {measure.success && (
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t(taskUi.measure)}>{t(measures[measure.data].label)}</Descriptions.Item>
          {typeof record.dueDate === 'string' && <Descriptions.Item label={t(taskUi.measureDue)}>{record.dueDate}</Descriptions.Item>}
          {typeof record.reason === 'string' && <Descriptions.Item label={t(taskUi.refusedBecause)}>{record.reason}</Descriptions.Item>}
        </Descriptions>
      )}
      <details className="stored-record">
        <summary>{t(taskUi.storedRecord)}</summary>
        <pre className="evidence" tabIndex={0}>{JSON.stringify(evidence, null, 2)}</pre>
      </details>
    </>
  );
}
