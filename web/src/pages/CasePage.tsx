import { App, Button, Descriptions, Form, Input, Modal, Result, Spin, Table, Tag, Timeline, Typography, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { escalationSteps, measures } from '../../../domain/catalogue';
import { agencyLabels, caseStatusLabels, dispositionStatusLabels, handlingPlanLabels, phaseLabels, taskKindLabels } from '../../../domain/labels';
import { actorWords, timelineWords } from '../../../domain/labels/timeline';
import { ApiError } from '../api';
import { reportFileUrl, useCancelTask, useCase, useSupervise, type CaseDetail, type CaseTask } from '../desk';
import { useText } from '../language';
import { desk } from '../deskLocale';
import { ui, type Text } from '../locale';
import { taskUi } from '../taskLocale';
import { isCoordinator, type Me } from '../session';
import { tableLayout } from './tableLayout';

const labelOf = (table: Record<string, Text>, key: string): Text => table[key] ?? { zh: key, en: key };

/** A case: its tasks with their escalations, the handling plan's measures, the timeline and the reports it is in. */
export function CasePage({ me }: { me: Me }) {
  const t = useText();
  const { caseId = '' } = useParams();
  const [supervisionAsked, setSupervisionAsked] = useState(false);
  const detail = useCase(caseId, supervisionAsked);
  const supervise = useSupervise();
  const cancel = useCancelTask();
  const { message } = App.useApp();
  const [cancelling, setCancelling] = useState<CaseTask | undefined>();
  const [confirmSupervise, setConfirmSupervise] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());

  useEffect(() => {
    if (detail.data) document.title = `${detail.data.enterprise.name} · ${t(desk.cases)}`;
  }, [detail.data, t]);

  if (detail.isPending) return <Spin />;
  if (detail.isError || !detail.data) return <Result status="404" title={t(ui.notFound)} extra={<Link to="/ui/cases">{t(desk.backToCases)}</Link>} />;
  const c: CaseDetail = detail.data;
  const coordinator = isCoordinator(me);

  const taskColumns: TableColumnsType<CaseTask> = [
    // Widths let the long bilingual titles and agency names wrap, so the whole table fits a desk's screen.
    { title: t(ui.task), dataIndex: 'title', width: 320 },
    { title: t(ui.kind), dataIndex: 'kind', render: (kind: string) => t(labelOf(taskKindLabels, kind)) },
    { title: t(desk.agency), dataIndex: 'agencyKind', width: 180, render: (a: string) => t(labelOf(agencyLabels, a)) },
    { title: t(ui.dueOn), dataIndex: 'dueOn' },
    {
      title: t(ui.status),
      dataIndex: 'status',
      render: (status: CaseTask['status'], task) => (
        <>
          {t(ui[status])}
          {task.status === 'open' && task.overdue && (
            <>
              {' '}
              <Tag color="red">{t(ui.overdue)}</Tag>
            </>
          )}
        </>
      ),
    },
    {
      title: t(desk.escalations),
      dataIndex: 'escalations',
      render: (steps: string[]) => (steps.length ? steps.map((s) => t(escalationSteps[s as keyof typeof escalationSteps]?.short ?? { zh: s, en: s })).join(t(desk.semicolon)) : t(desk.none)),
    },
    ...(coordinator
      ? [
          {
            title: '',
            key: 'actions',
            render: (_: unknown, task: CaseTask) =>
              task.status === 'open' ? (
                <Button size="small" danger onClick={() => (setCancelling(task), setReason(''), setReasonError(undefined), setIdempotencyKey(crypto.randomUUID()))}>
                  {t(desk.cancelTask)}
                </Button>
              ) : null,
          },
        ]
      : []),
  ];

  const submitCancel = () => {
    if (!cancelling) return;
    if (!reason.trim()) return setReasonError(t(desk.cancelReasonRequired));
    cancel.mutate(
      { key: cancelling.key, reason: reason.trim(), idempotencyKey },
      {
        onSuccess: () => (setCancelling(undefined), void message.success(t(desk.done))),
        onError: (error) => setReasonError(error instanceof ApiError ? (error.issues.find((i) => i.path === 'reason')?.message ?? error.message) : String(error)),
      },
    );
  };

  return (
    <section className="case-page">
      <Link to="/ui/cases">{t(desk.backToCases)}</Link>
      <Typography.Title level={1}>
        {c.enterprise.name}{' '}
        {c.supervised && <Tag color="magenta">{t(desk.supervisedNow)}</Tag>}
      </Typography.Title>
      <Descriptions bordered size="small" column={{ xs: 1, sm: 2, md: 3 }}>
        <Descriptions.Item label={t(ui.creditCode)}>{c.enterprise.code}</Descriptions.Item>
        <Descriptions.Item label={t(taskUi.province)}>{c.province}</Descriptions.Item>
        <Descriptions.Item label={t(desk.campaign)}>{c.campaignId}</Descriptions.Item>
        <Descriptions.Item label={t(desk.phase)}>{t(phaseLabels[c.phase])}</Descriptions.Item>
        <Descriptions.Item label={t(desk.caseStatus)}>{t(caseStatusLabels[c.status])}</Descriptions.Item>
        <Descriptions.Item label={t(desk.supervised)}>{c.supervised ? t(desk.supervisedNow) : t(desk.notSupervised)}</Descriptions.Item>
      </Descriptions>
      {me.role === 'miitCoordinator' && !c.supervised && (
        <Button className="block" type="primary" onClick={() => setConfirmSupervise(true)}>
          {t(desk.superviseCase)}
        </Button>
      )}

      <Typography.Title level={2}>{t(desk.tasks)}</Typography.Title>
      <Table<CaseTask> rowKey="key" columns={taskColumns} dataSource={c.tasks} pagination={false} {...tableLayout(c.tasks)} size="small" />

      <Typography.Title level={2}>{t(desk.handlingPlan)}</Typography.Title>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        {...tableLayout(c.dispositions)}
        dataSource={c.dispositions}
        locale={{ emptyText: <Typography.Text>{t(desk.noPlan)}</Typography.Text> }}
        columns={[
          { title: t(handlingPlanLabels.measure), dataIndex: 'disposition', render: (d: string) => t(measures[d as keyof typeof measures]?.label ?? { zh: d, en: d }) },
          { title: t(desk.agency), dataIndex: 'agencyKind', render: (a: string) => t(labelOf(agencyLabels, a)) },
          { title: t(ui.dueOn), dataIndex: 'dueDate' },
          { title: t(ui.status), dataIndex: 'status', render: (s: string) => t(labelOf(dispositionStatusLabels, s)) },
          { title: t(desk.reason), dataIndex: 'unfinishedReason', render: (r: string | null, d) => [r, d.newCompletionDate].filter(Boolean).join(' · ') },
        ]}
      />

      <Typography.Title level={2}>{t(taskUi.timeline)}</Typography.Title>
      <Timeline
        items={c.timeline.map((entry) => ({
          key: `${entry.at}-${entry.kind}-${entry.summary}`,
          color: entry.kind === 'escalation' ? 'red' : entry.kind === 'supervised' ? 'orange' : 'blue',
          content: (
            <>
              <Typography.Text strong>{entry.on}</Typography.Text> {t(timelineWords(entry))} <Typography.Text type="secondary">{t(actorWords(entry.actor))}</Typography.Text>
            </>
          ),
        }))}
      />

      {coordinator && (
        <>
          <Typography.Title level={2}>{t(desk.reportsOfCase)}</Typography.Title>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={c.reports}
            locale={{ emptyText: <Typography.Text>{t(desk.none)}</Typography.Text> }}
            columns={[
              { title: t(desk.reportKind), dataIndex: 'title' },
              { title: t(desk.generatedAt), dataIndex: 'generatedAt', render: (at: string) => new Date(at).toLocaleString() },
              {
                title: t(desk.downloads),
                key: 'files',
                render: (_: unknown, r) => (
                  <a href={reportFileUrl(r.id, 'html')} target="_blank" rel="noreferrer">
                    HTML
                  </a>
                ),
              },
            ]}
          />
        </>
      )}

      <Modal
        open={cancelling !== undefined}
        title={`${t(desk.cancelTask)}${t(desk.colon)}${cancelling?.title ?? ''}`}
        okText={t(desk.confirm)}
        cancelText={t(desk.back)}
        okButtonProps={{ danger: true, loading: cancel.isPending }}
        onOk={submitCancel}
        onCancel={() => setCancelling(undefined)}
        destroyOnHidden
      >
        <Form layout="vertical" onFinish={submitCancel}>
          <Form.Item label={t(desk.cancelReason)} htmlFor="cancel-reason" required validateStatus={reasonError ? 'error' : undefined} help={reasonError}>
            <Input.TextArea id="cancel-reason" value={reason} maxLength={500} showCount onChange={(e) => (setReason(e.target.value), setReasonError(undefined))} autoFocus />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={confirmSupervise}
        title={t(desk.superviseCase)}
        okText={t(desk.confirm)}
        cancelText={t(desk.back)}
        okButtonProps={{ loading: supervise.isPending }}
        onOk={() => supervise.mutate(c.caseId, { onSuccess: () => (setConfirmSupervise(false), setSupervisionAsked(true)), onError: (error) => void message.error(error.message) })}
        onCancel={() => setConfirmSupervise(false)}
      >
        {t(desk.superviseConfirm)}
      </Modal>
    </section>
  );
}
