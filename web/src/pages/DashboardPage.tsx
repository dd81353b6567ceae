import { Card, Descriptions, Empty, Select, Space, Spin, Table, Typography } from 'antd';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/lib/core';
import { useEffect, useState } from 'react';
import { formatYuan } from '../../../domain/campaign/quantity';
import { escalationSteps, violations as violationCatalogue, type EscalationStep } from '../../../domain/catalogue';
import { CasePhase, EnterpriseType } from '../../../domain/enums';
import { agencyLabels, enterpriseTypeLabels, phaseLabels, summaryLabels } from '../../../domain/labels';
import { provinceNames } from '../../../domain/provinces';
import { useCampaignIds, useDashboard, type DashboardData } from '../desk';
import { useText } from '../language';
import { desk } from '../deskLocale';
import { ui } from '../locale';
import { taskUi } from '../taskLocale';
import type { Me } from '../session';

// Only the parts drawn here: the page's chunk carries bar charts, not all of ECharts. SVG draws
// crisp text at any zoom and prints cleanly.
echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, SVGRenderer]);

/** The ladder's colours darken as it climbs; each step is also named in the legend and tooltip. */
const STEP_COLOURS: Record<EscalationStep, string> = { reminder: '#d48806', agencyHead: '#d4380d', disciplineInspection: '#820014' };

const FONT = '"Noto Sans CJK SC", "Noto Sans SC", "Noto Sans", sans-serif';

function BarChartOf({
  title,
  categories,
  series,
  horizontal = false,
  stacked = false,
}: {
  title: string;
  categories: string[];
  series: { name: string; data: number[]; color: string }[];
  horizontal?: boolean;
  stacked?: boolean;
}) {
  const t = useText();
  const category = { type: 'category' as const, data: categories, axisLabel: { interval: 0, color: '#262626', width: horizontal ? 180 : 90, overflow: 'truncate' as const } };
  const value = { type: 'value' as const, minInterval: 1, axisLabel: { color: '#262626' } };
  return (
    <Card title={title} size="small">
      {categories.length === 0 ? (
        <Empty className="chart" description={t(desk.none)} />
      ) : (
      <ReactEChartsCore
        echarts={echarts}
        className="chart"
        opts={{ renderer: 'svg' }}
        option={{
          textStyle: { fontFamily: FONT },
          aria: { enabled: true },
          tooltip: { trigger: 'axis' },
          legend: series.length > 1 ? { top: 0 } : undefined,
          grid: { left: 8, right: 16, top: series.length > 1 ? 32 : 8, bottom: 8, containLabel: true },
          xAxis: horizontal ? value : category,
          yAxis: horizontal ? { ...category, inverse: true } : value,
          series: series.map((s) => ({
            type: 'bar',
            name: s.name,
            data: s.data,
            itemStyle: { color: s.color },
            barMaxWidth: 56,
            ...(stacked ? { stack: 'all', label: { show: false } } : { label: { show: true, position: horizontal ? 'right' : 'top', color: '#262626' } }),
          })),
        }}
      />
      )}
    </Card>
  );
}

function Figures({ data }: { data: DashboardData }) {
  const t = useText();
  const f = data.figures;
  const agencies = Object.keys(f.tasksByAgency) as (keyof typeof agencyLabels)[];
  const violationCodes = Object.keys(f.violations) as (keyof typeof violationCatalogue)[];
  const openTotal = agencies.reduce((n, a) => n + f.tasksByAgency[a]!.open, 0);
  const overdueTotal = agencies.reduce((n, a) => n + f.tasksByAgency[a]!.overdue, 0);
  return (
    <>
      <Descriptions bordered size="small" column={{ xs: 1, sm: 2, md: 4 }} className="block figures">
        <Descriptions.Item label={t(desk.enterprisesListed)}>{f.enterprises.all.listed}</Descriptions.Item>
        <Descriptions.Item label={t(desk.enterprisesVerified)}>{f.enterprises.all.verified}</Descriptions.Item>
        <Descriptions.Item label={t(desk.enterprisesWithProblems)}>{f.enterprises.all.withProblems}</Descriptions.Item>
        <Descriptions.Item label={t(summaryLabels.supervised)}>{f.enforcement.supervised}</Descriptions.Item>
        <Descriptions.Item label={t(desk.openTasks)}>{openTotal}</Descriptions.Item>
        <Descriptions.Item label={t(desk.overdueTasks)}>{overdueTotal}</Descriptions.Item>
        <Descriptions.Item label={`${t(summaryLabels.confiscated)}${t(desk.openParen)}${t(desk.yuan)}${t(desk.closeParen)}`}>{formatYuan(f.amounts.confiscatedFen)}</Descriptions.Item>
        <Descriptions.Item label={`${t(summaryLabels.fined)}${t(desk.openParen)}${t(desk.yuan)}${t(desk.closeParen)}`}>{formatYuan(f.amounts.fineFen)}</Descriptions.Item>
        <Descriptions.Item label={`${t(summaryLabels.recovered)}${t(desk.openParen)}${t(desk.yuan)}${t(desk.closeParen)}`}>{formatYuan(f.amounts.recoveredFen)}</Descriptions.Item>
      </Descriptions>
      <Typography.Title level={2}>{t(desk.daysLeft)}</Typography.Title>
      <Table
        rowKey="province"
        size="small"
        pagination={false}
        dataSource={data.phases}
        columns={[
          { title: t(taskUi.province), dataIndex: 'province' },
          { title: t(desk.phase), dataIndex: 'phase', render: (p: keyof typeof phaseLabels) => t(phaseLabels[p]) },
          { title: t(desk.endsOn), dataIndex: 'endsOn', render: (d: string | null) => d ?? '' },
          { title: t(desk.daysLeft), dataIndex: 'daysLeft', render: (n: number | null) => (n === null ? '' : `${n} ${t(desk.days)}`) },
        ]}
      />
      <div className="charts block">
        <BarChartOf
          title={t(desk.casesByPhase)}
          categories={CasePhase.options.map((p) => t(phaseLabels[p]))}
          series={[{ name: t(desk.cases), data: CasePhase.options.map((p) => data.casesByPhase[p] ?? 0), color: '#0958d9' }]}
        />
        <BarChartOf
          title={t(desk.tasksByAgency)}
          categories={agencies.map((a) => t(agencyLabels[a]))}
          series={[
            { name: t(desk.openTasks), data: agencies.map((a) => f.tasksByAgency[a]!.open), color: '#0958d9' },
            { name: t(desk.overdueTasks), data: agencies.map((a) => f.tasksByAgency[a]!.overdue), color: '#cf1322' },
          ]}
        />
        <BarChartOf
          stacked
          title={t(desk.escalationsByWeek)}
          categories={data.escalationsByWeek.map((w) => w.weekFrom.slice(5))}
          series={(Object.keys(escalationSteps) as EscalationStep[]).map((step) => ({
            name: t(escalationSteps[step].short),
            data: data.escalationsByWeek.map((w) => w.steps[step] ?? 0),
            color: STEP_COLOURS[step],
          }))}
        />
        <BarChartOf
          title={t(desk.enterprisesByType)}
          categories={EnterpriseType.options.map((type) => t(enterpriseTypeLabels[type]))}
          series={[
            { name: t(desk.enterprisesListed), data: EnterpriseType.options.map((type) => f.enterprises[type].listed), color: '#0958d9' },
            { name: t(desk.enterprisesVerified), data: EnterpriseType.options.map((type) => f.enterprises[type].verified), color: '#389e0d' },
            { name: t(desk.enterprisesWithProblems), data: EnterpriseType.options.map((type) => f.enterprises[type].withProblems), color: '#cf1322' },
          ]}
        />
        <BarChartOf
          horizontal
          title={t(desk.violationsByCategory)}
          categories={violationCodes.map((v) => t(violationCatalogue[v].label))}
          series={[{ name: t(desk.enterprises), data: violationCodes.map((v) => f.violations[v] ?? 0), color: '#d4380d' }]}
        />
        <BarChartOf
          title={t(desk.amounts)}
          categories={[t(summaryLabels.confiscated), t(summaryLabels.fined), t(summaryLabels.recovered)]}
          series={[{ name: t(desk.yuan), data: [f.amounts.confiscatedFen, f.amounts.fineFen, f.amounts.recoveredFen].map((fen) => fen / 100), color: '#389e0d' }]}
        />
      </div>
    </>
  );
}

/** 进度: the figures of a summary report drafted now (GET /dashboard), as charts and as numbers. */
export function DashboardPage({ me }: { me: Me }) {
  const t = useText();
  const campaigns = useCampaignIds();
  const [campaign, setCampaign] = useState<string | undefined>();
  const [province, setProvince] = useState<string | undefined>();
  const chosen = campaign ?? campaigns.ids[0];
  const dashboard = useDashboard(chosen, province);

  useEffect(() => {
    document.title = t(desk.progress);
  }, [t]);

  return (
    <section className="dashboard">
      <Typography.Title level={1}>
        {t(desk.progress)} · {province ?? me.province ?? t(desk.national)}
      </Typography.Title>
      <Space wrap className="filters">
        <Select aria-label={t(desk.campaign)} value={chosen} onChange={setCampaign} options={campaigns.ids.map((id) => ({ value: id, label: id }))} className="filter-wide" />
        {me.role === 'miitCoordinator' && (
          <Select
            aria-label={t(taskUi.province)}
            placeholder={t(desk.national)}
            allowClear
            showSearch
            value={province}
            onChange={(p?: string) => setProvince(p)}
            options={provinceNames.map((p) => ({ value: p, label: p }))}
            className="filter-wide"
          />
        )}
        {dashboard.data && (
          <Typography.Text type="secondary">
            {t(desk.asOf)} {new Date(dashboard.data.generatedAt).toLocaleString()}
          </Typography.Text>
        )}
      </Space>
      {campaigns.isPending || (chosen && dashboard.isPending) ? <Spin /> : !chosen ? <Empty description={t(desk.noCampaign)} /> : dashboard.data ? <Figures data={dashboard.data} /> : <Empty description={t(ui.failed)} />}
    </section>
  );
}
