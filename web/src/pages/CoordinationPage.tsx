import { Button, Modal, Switch, Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { coordinatesProvince } from '../../../domain/access';
import { referralSourceLabels, referralStateLabels, tipTriageLabels } from '../../../domain/labels';
import type { UseQueryResult } from '@tanstack/react-query';
import { useReferrals, useTips, type ListPage, type Page, type ReferralItem, type TipItem } from '../coordination';
import { coordinationUi as cu } from '../coordinationLocale';
import { casePath, useCampaignIds } from '../desk';
import { desk } from '../deskLocale';
import { useText } from '../language';
import type { Me } from '../session';
import { tableLayout } from './tableLayout';
import { ReferralAcceptanceFormView, ReferralRoutingFormView, TipSubmissionFormView, TipTriageFormView } from './CoordinationDecisions';

const PAGE_SIZE = 20;
const day = (at: string) => at.slice(0, 10);

function CaseLink({ caseId }: { caseId: string | undefined }) {
  const t = useText();
  return caseId ? <Link to={casePath(caseId)}>{t(cu.openCase)}</Link> : null;
}

/**
 * A list of the page: what is still to be decided (at first), or everything, a page at a time
 * from the server.
 */
function DecisionList<T extends { id: string }>({ useList, columns }: { useList: (list: ListPage) => UseQueryResult<Page<T>>; columns: TableColumnsType<T> }) {
  const t = useText();
  const [open, setOpen] = useState(true);
  const [page, setPage] = useState(1);
  const result = useList({ open: open || undefined, page, pageSize: PAGE_SIZE });
  const items = result.data?.items;
  return (
    <>
      <label className="switch filters">
        <Switch checked={open} onChange={(on) => (setOpen(on), setPage(1))} aria-label={t(cu.openOnly)} /> {t(cu.openOnly)}
      </label>
      <Table<T>
        rowKey="id"
        columns={columns}
        dataSource={items ?? []}
        loading={result.isPending}
        {...tableLayout(items)}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: result.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
      />
    </>
  );
}

function Referrals({ me, decide }: { me: Me; decide: (title: string, form: (done: () => void) => ReactNode) => void }) {
  const t = useText();
  // The standing and the decision first, so both stay in sight when the facts run long.
  const columns: TableColumnsType<ReferralItem> = [
    { title: t(cu.reportedAt), dataIndex: 'reportedAt', render: day },
    { title: t(cu.state), dataIndex: 'state', render: (s: ReferralItem['state']) => <Tag color={s === 'reported' || s === 'routed' ? 'blue' : 'default'}>{t(referralStateLabels[s])}</Tag> },
    { title: t(cu.counterpart), key: 'counterpart', width: 240, render: (_: unknown, r) => [r.counterpart.name, r.counterpart.code].filter(Boolean).join(' · ') },
    { title: t(cu.fromProvince), dataIndex: 'fromProvince' },
    { title: t(cu.toProvince), dataIndex: 'toProvince' },
    { title: t(cu.source), dataIndex: 'source', render: (s: ReferralItem['source']) => t(referralSourceLabels[s]) },
    { title: t(cu.facts), dataIndex: 'facts', width: 280 },
    { title: t(cu.outcome), key: 'outcome', width: 200, render: (_: unknown, r) => r.closedReason ?? <CaseLink caseId={r.result?.caseId} /> },
    {
      title: '',
      key: 'actions',
      render: (_: unknown, r) => {
        if (r.state === 'reported' && me.role === 'miitCoordinator') {
          return <Button size="small" type="primary" onClick={() => decide(`${t(cu.route)}${t(desk.colon)}${r.counterpart.name}`, (done) => <ReferralRoutingFormView referral={r} onDone={done} />)}>{t(cu.route)}</Button>;
        }
        if (r.state === 'routed' && r.toProvince && coordinatesProvince(me, r.toProvince)) {
          return <Button size="small" type="primary" onClick={() => decide(`${t(cu.accept)}${t(desk.colon)}${r.counterpart.name}`, (done) => <ReferralAcceptanceFormView referral={r} onDone={done} />)}>{t(cu.accept)}</Button>;
        }
        return null;
      },
    },
  ];
  return <DecisionList useList={useReferrals} columns={columns} />;
}

function Tips({ me, decide }: { me: Me; decide: (title: string, form: (done: () => void) => ReactNode) => void }) {
  const t = useText();
  const campaigns = useCampaignIds();
  // A tip with no province is MIIT's to triage; one with a province, its coordinator's or MIIT's.
  const triages = (tip: TipItem) => (tip.province === undefined ? me.role === 'miitCoordinator' : coordinatesProvince(me, tip.province));
  const columns: TableColumnsType<TipItem> = [
    { title: t(cu.receivedAt), dataIndex: 'receivedAt', render: day },
    {
      title: t(cu.state),
      key: 'state',
      render: (_: unknown, tip) => {
        const action = tip.outcome?.action as keyof typeof tipTriageLabels | undefined;
        return action ? <Tag>{t(tipTriageLabels[action])}</Tag> : <Tag color="blue">{t(cu.awaitingTriage)}</Tag>;
      },
    },
    { title: t(cu.source), dataIndex: 'source' },
    { title: t(cu.province), dataIndex: 'province' },
    { title: t(cu.enterpriseCode), dataIndex: 'enterpriseCode' },
    { title: t(cu.text), dataIndex: 'text', width: 320 },
    { title: t(cu.outcome), key: 'outcome', width: 200, render: (_: unknown, tip) => tip.outcome?.reason ?? <CaseLink caseId={tip.outcome?.caseId} /> },
    {
      title: '',
      key: 'actions',
      render: (_: unknown, tip) =>
        !tip.triagedAt && triages(tip) ? (
          <Button size="small" type="primary" onClick={() => decide(`${t(cu.triage)}${t(desk.colon)}${tip.source}`, (done) => <TipTriageFormView tip={tip} campaignIds={campaigns.ids} onDone={done} />)}>
            {t(cu.triage)}
          </Button>
        ) : null,
    },
  ];
  return (
    <>
      <Button className="block" onClick={() => decide(t(cu.newTip), (done) => <TipSubmissionFormView province={me.province} onDone={done} />)}>
        {t(cu.newTip)}
      </Button>
      <DecisionList useList={useTips} columns={columns} />
    </>
  );
}

/** 线索办理: the cross-province referrals MIIT routes and the provinces accept, and the tip-offs their coordinators triage. */
export function CoordinationPage({ me }: { me: Me }) {
  const t = useText();
  const [decision, setDecision] = useState<{ title: string; form: (done: () => void) => ReactNode } | undefined>();
  useEffect(() => {
    document.title = t(cu.title);
  }, [t]);
  const decide = (title: string, form: (done: () => void) => ReactNode) => setDecision({ title, form });
  return (
    <section>
      <Typography.Title level={1}>{t(cu.title)}</Typography.Title>
      <Tabs
        items={[
          { key: 'referrals', label: t(cu.referrals), children: <Referrals me={me} decide={decide} /> },
          { key: 'tips', label: t(cu.tips), children: <Tips me={me} decide={decide} /> },
        ]}
      />
      <Modal open={decision !== undefined} title={decision?.title} footer={null} onCancel={() => setDecision(undefined)} destroyOnHidden width={640}>
        {decision?.form(() => setDecision(undefined))}
      </Modal>
    </section>
  );
}
