import { App, Button, Select, Space, Switch, Table, Typography, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { ReportKind } from '../../../domain/reportKinds';
import { formLabels, phaseLabels, reportLabels, summaryLabels } from '../../../domain/labels';
import { provinceNames } from '../../../domain/provinces';
import { reportFileUrl, useCampaignIds, useDraftReport, useReports, type StoredReport } from '../desk';
import { useText } from '../language';
import { desk } from '../deskLocale';
import type { Text } from '../locale';
import { taskUi } from '../taskLocale';
import type { Me } from '../session';
import { tableLayout } from './tableLayout';

const kindLabel = (kind: ReportKind): Text => (kind === 'nationalSummary' ? { zh: `${reportLabels.national.zh}${formLabels.summary.zh}${summaryLabels.rollupSuffix.zh}`, en: `National ${formLabels.summary.en}` } : formLabels[kind]);

/** 报表: the reports sent to MIIT at each phase's end and the drafts, with their files; "draft now" for the current state. */
export function ReportsPage({ me }: { me: Me }) {
  const t = useText();
  const { message } = App.useApp();
  const campaigns = useCampaignIds();
  const miit = me.role === 'miitCoordinator';
  const [campaign, setCampaign] = useState<string | undefined>();
  const [province, setProvince] = useState<string | undefined>(me.province ?? undefined);
  const [kind, setKind] = useState<ReportKind>('summary');
  const [onlyDrafts, setOnlyDrafts] = useState(false);
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const chosen = campaign ?? campaigns.ids[0];
  const reports = useReports({ campaign: chosen, province: miit ? province : undefined, draft: onlyDrafts || undefined, ...page });
  const draft = useDraftReport();
  // The national roll-up is MIIT's, over every province; the other kinds are one province's.
  const draftProvince = kind === 'nationalSummary' ? null : (province ?? me.province);

  useEffect(() => {
    document.title = t(desk.reports);
  }, [t]);

  const columns: TableColumnsType<StoredReport> = [
    { title: t(desk.reportKind), dataIndex: 'title' },
    { title: t(taskUi.province), dataIndex: 'province', render: (p: string | null) => p ?? t(desk.national) },
    { title: t(desk.boundary), dataIndex: 'boundary', render: (b: StoredReport['boundary']) => (b ? t(phaseLabels[b]) : '') },
    { title: t(desk.generatedAt), dataIndex: 'generatedAt', render: (at: string) => new Date(at).toLocaleString() },
    { title: t(desk.openTasks), dataIndex: 'openTasks', align: 'right' },
    {
      title: t(desk.downloads),
      key: 'files',
      render: (_: unknown, r) => (
        <Space size="small" wrap>
          {(['xlsx', 'csv', 'html', 'pdf'] as const)
            .filter((f) => r.files[f])
            .map((f) => (
              <a key={f} href={reportFileUrl(r.id, f)} {...(f === 'html' ? { target: '_blank', rel: 'noreferrer' } : { download: '' })} aria-label={`${r.title} ${f.toUpperCase()}`}>
                {f.toUpperCase()}
              </a>
            ))}
        </Space>
      ),
    },
  ];

  return (
    <section>
      <Typography.Title level={1}>{t(desk.reports)}</Typography.Title>
      <Space wrap className="filters">
        <Select aria-label={t(desk.campaign)} value={chosen} onChange={setCampaign} options={campaigns.ids.map((id) => ({ value: id, label: id }))} className="filter-wide" />
        {miit && (
          <Select
            aria-label={t(taskUi.province)}
            placeholder={t(taskUi.province)}
            allowClear
            showSearch
            value={province}
            onChange={(p?: string) => (setProvince(p), setPage({ ...page, page: 1 }))}
            options={provinceNames.map((p) => ({ value: p, label: p }))}
            className="filter-wide"
          />
        )}
        <label className="switch">
          <Switch checked={onlyDrafts} onChange={setOnlyDrafts} aria-label={t(desk.onlyDrafts)} /> {t(desk.onlyDrafts)}
        </label>
        <Select
          aria-label={t(desk.reportKind)}
          value={kind}
          onChange={setKind}
          options={ReportKind.options.filter((k) => miit || k !== 'nationalSummary').map((k) => ({ value: k, label: t(kindLabel(k)) }))}
          className="filter-wide"
        />
        <Button
          type="primary"
          disabled={!chosen || draftProvince === undefined || (draftProvince === null && !miit)}
          loading={draft.isPending}
          onClick={() =>
            chosen &&
            draftProvince !== undefined &&
            draft.mutate({ campaign: chosen, province: draftProvince, kind }, { onSuccess: () => void message.success(t(desk.drafted)), onError: (e) => void message.error(e.message) })
          }
        >
          {t(desk.draftNow)}
        </Button>
      </Space>
      <Table<StoredReport>
        rowKey="id"
        columns={columns}
        dataSource={reports.data?.items ?? []}
        loading={reports.isPending}
        {...tableLayout(reports.data?.items)}
        pagination={{ current: page.page, pageSize: page.pageSize, total: reports.data?.total ?? 0, onChange: (p, pageSize) => setPage({ page: p, pageSize }) }}
      />
    </section>
  );
}
