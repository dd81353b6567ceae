import { Input, Select, Space, Switch, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { violations as violationCatalogue } from '../../../domain/catalogue';
import { CasePhase, EnterpriseType } from '../../../domain/enums';
import { caseStatusLabels, enterpriseTypeLabels, phaseLabels } from '../../../domain/labels';
import { provinceNames } from '../../../domain/provinces';
import { casePath, useCases, type CaseFilters, type CaseSummary } from '../desk';
import { useText } from '../language';
import { desk } from '../deskLocale';
import { ui } from '../locale';
import { taskUi } from '../taskLocale';
import type { Me } from '../session';
import { tableLayout } from './tableLayout';

const violationLabel = (code: string) => violationCatalogue[code as keyof typeof violationCatalogue]?.label ?? { zh: code, en: code };

/** 案件: the province's cases (MIIT: every province, or one), by the Web UI's search attributes. */
export function CasesPage({ me }: { me: Me }) {
  const t = useText();
  const [filters, setFilters] = useState<CaseFilters>({});
  const [search, setSearch] = useState('');
  const cases = useCases(filters);
  const set = (change: Partial<CaseFilters>) => setFilters({ ...filters, ...change });
  const items = cases.data?.items ?? [];

  useEffect(() => {
    document.title = t(desk.cases);
  }, [t]);

  const columns: TableColumnsType<CaseSummary> = [
    {
      title: t(taskUi.enterprise),
      dataIndex: 'enterpriseName',
      render: (name: string | undefined, c) => <Link to={casePath(c.caseId)}>{name ?? c.caseId.split('/')[3]}</Link>,
    },
    ...(me.role === 'miitCoordinator' ? [{ title: t(taskUi.province), key: 'province', render: (_: unknown, c: CaseSummary) => c.caseId.split('/')[2] }] : []),
    { title: t(taskUi.types), dataIndex: 'enterpriseTypes', render: (types: CaseSummary['enterpriseTypes']) => types.map((type) => t(enterpriseTypeLabels[type])).join(t(desk.listSeparator)) },
    { title: t(desk.phase), dataIndex: 'phase', render: (phase: CaseSummary['phase']) => (phase ? t(phaseLabels[phase]) : '') },
    {
      title: t(ui.status),
      dataIndex: 'caseStatus',
      render: (status: CaseSummary['caseStatus']) => (status ? <Tag color={status === 'overdue' ? 'red' : status === 'closed' ? 'default' : 'blue'}>{t(caseStatusLabels[status])}</Tag> : ''),
    },
    { title: t(desk.openTasks), dataIndex: 'openTaskCount', align: 'right' },
    {
      title: t(desk.overdueTasks),
      dataIndex: 'overdueTaskCount',
      align: 'right',
      render: (n: number) => (n > 0 ? <Tag color="red">{`${n} ${t(ui.overdue)}`}</Tag> : n),
    },
    { title: t(desk.violations), dataIndex: 'violations', render: (codes: string[]) => (codes.length ? codes.map((v) => t(violationLabel(v))).join(t(desk.semicolon)) : t(desk.none)) },
    { title: t(desk.supervised), dataIndex: 'supervised', render: (on: boolean) => (on ? <Tag color="magenta">{t(desk.supervisedNow)}</Tag> : t(desk.no)) },
    {
      title: t(desk.webUi),
      key: 'webUi',
      render: (_: unknown, c) =>
        c.webUiUrl ? (
          <a href={c.webUiUrl} target="_blank" rel="noreferrer">
            {t(desk.openInWebUi)}
          </a>
        ) : null,
    },
  ];

  return (
    <section>
      <Typography.Title level={1}>
        {t(desk.cases)}
        {cases.data && (
          <Typography.Text type="secondary" className="count">
            {' '}
            {items.length} {t(desk.casesCount)}
          </Typography.Text>
        )}
      </Typography.Title>
      <Space wrap className="filters">
        {me.role === 'miitCoordinator' && (
          <Select
            aria-label={t(taskUi.province)}
            placeholder={t(taskUi.province)}
            allowClear
            showSearch
            value={filters.province}
            onChange={(province?: string) => set({ province })}
            options={provinceNames.map((p) => ({ value: p, label: p }))}
            className="filter-wide"
          />
        )}
        <Select
          aria-label={t(desk.phase)}
          placeholder={t(desk.phase)}
          allowClear
          value={filters.phase}
          onChange={(phase?: CaseFilters['phase']) => set({ phase })}
          options={CasePhase.options.map((p) => ({ value: p, label: t(phaseLabels[p]) }))}
          className="filter-status"
        />
        <Select
          aria-label={t(desk.caseStatus)}
          placeholder={t(desk.caseStatus)}
          allowClear
          value={filters.caseStatus}
          onChange={(caseStatus?: CaseFilters['caseStatus']) => set({ caseStatus })}
          options={(['open', 'overdue', 'closed'] as const).map((s) => ({ value: s, label: t(caseStatusLabels[s]) }))}
          className="filter-status"
        />
        <Select
          aria-label={t(taskUi.types)}
          placeholder={t(taskUi.types)}
          allowClear
          value={filters.enterpriseType}
          onChange={(enterpriseType?: CaseFilters['enterpriseType']) => set({ enterpriseType })}
          options={EnterpriseType.options.map((type) => ({ value: type, label: t(enterpriseTypeLabels[type]) }))}
          className="filter-status"
        />
        <Select
          aria-label={t(desk.violations)}
          placeholder={t(desk.violations)}
          allowClear
          showSearch
          optionFilterProp="label"
          value={filters.violation}
          onChange={(violation?: string) => set({ violation })}
          options={Object.keys(violationCatalogue).map((v) => ({ value: v, label: t(violationLabel(v)) }))}
          className="filter-wide"
        />
        <Select
          aria-label={t(desk.supervised)}
          placeholder={t(desk.supervised)}
          allowClear
          value={filters.supervised === undefined ? undefined : String(filters.supervised)}
          onChange={(v?: string) => set({ supervised: v === undefined ? undefined : v === 'true' })}
          options={[
            { value: 'true', label: t(desk.supervisedNow) },
            { value: 'false', label: t(desk.notSupervised) },
          ]}
          className="filter-status"
        />
        <label className="switch">
          <Switch checked={filters.overdue === true} onChange={(on) => set({ overdue: on || undefined })} aria-label={t(desk.withOverdue)} /> {t(desk.withOverdue)}
        </label>
        <Input.Search
          aria-label={t(desk.searchCases)}
          placeholder={t(desk.searchCases)}
          allowClear
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(q) => set({ q: q.trim() || undefined })}
          className="search"
        />
      </Space>
      <Table<CaseSummary> rowKey="caseId" columns={columns} dataSource={items} loading={cases.isPending} {...tableLayout(items)} pagination={{ pageSize: 20, showSizeChanger: true }} />
    </section>
  );
}
