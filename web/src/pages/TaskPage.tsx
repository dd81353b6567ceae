import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Modal, Result, Spin, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { seesProvince } from '../../../domain/access';
import { DispositionCode, ViolationCode } from '../../../domain/catalogue';
import { enterpriseTypeLabels, taskKindLabels } from '../../../domain/labels';
import { timelineWords } from '../../../domain/labels/timeline';
import { api } from '../api';
import { coordinationUi as cu } from '../coordinationLocale';
import type { TimelineEntryView } from '../desk';
import { useText } from '../language';
import { ui } from '../locale';
import { taskUi } from '../taskLocale';
import type { Me } from '../session';
import { urgencyColours, urgencyOf, useTask, useTaskEvents, type TaskDetail } from '../tasks';
import { AcceptanceFormView } from './AcceptanceFormView';
import { ReferralReportFormView } from './CoordinationDecisions';
import { DispositionFormView } from './DispositionFormView';
import { HandlingPlanFormView } from './HandlingPlanFormView';
import { TaskAssignment } from './TaskAssignment';
import { TaskEvidence } from './TaskEvidence';
import { VerificationFormView } from './VerificationFormView';

interface CaseView {
  timeline: TimelineEntryView[];
}

/** Roles that complete tasks of their own agency (domain/access.ts actsOnTask). */
const COMPLETING_ROLES = new Set<Me['role']>(['staff', 'agencyHead']);

/** A task: its enterprise, its evidence, its case's timeline and, while open, its completion form. */
export function TaskPage({ me }: { me: Me }) {
  const t = useText();
  const { key = '' } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const task = useTask(key);
  useTaskEvents();
  const caseId = task.data?.caseId;
  const caseView = useQuery({ queryKey: ['case', caseId], enabled: Boolean(caseId), queryFn: () => api<CaseView>(`/cases/${encodeURIComponent(caseId!)}`) });
  if (task.isPending) return <Spin description={t(ui.loading)} />;
  if (!task.data) return <Result status="404" title={t(ui.notFound)} extra={<Link to="/ui/tasks">{t(taskUi.backToTasks)}</Link>} />;
  const d = task.data;
  const urgency = urgencyOf(d);
  const done = () => {
    void message.success(t(taskUi.submitted));
    void navigate('/ui/tasks');
  };
  return (
    <article className="task-page">
      <Link to="/ui/tasks">{t(taskUi.backToTasks)}</Link>
      <Typography.Title level={1}>{d.title}</Typography.Title>
      <TaskAssignment me={me} task={d} />
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t(ui.kind)}>{t(taskKindLabels[d.kind])}</Descriptions.Item>
        <Descriptions.Item label={t(ui.status)}>{t(ui[d.status])}</Descriptions.Item>
        <Descriptions.Item label={`${t(ui.dueOn)} (${t(taskUi.campaignTime)})`}>
          {d.dueOn} {d.status === 'open' && <Tag color={urgencyColours[urgency]}>{t(ui[urgency])}</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label={`${t(ui.dueOn)} (${t(taskUi.wallTime)})`}>{dayjs(d.dueAt).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>
      </Descriptions>
      {d.enterprise && (
        <Card title={t(taskUi.enterprise)} size="small" className="block">
          <Descriptions size="small" column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label={t(taskUi.enterprise)}>{d.enterprise.name}</Descriptions.Item>
            <Descriptions.Item label={t(ui.creditCode)}>{d.enterprise.code}</Descriptions.Item>
            <Descriptions.Item label={t(taskUi.types)}>{d.enterprise.types.map((type) => t(enterpriseTypeLabels[type as keyof typeof enterpriseTypeLabels] ?? { zh: type, en: type })).join('、')}</Descriptions.Item>
            <Descriptions.Item label={t(taskUi.province)}>{d.enterprise.provinceName}</Descriptions.Item>
          </Descriptions>
        </Card>
      )}
      <Card title={t(taskUi.evidence)} size="small" className="block">
        <TaskEvidence evidence={d.evidence} />
      </Card>
      {caseView.data && (
        <Card title={t(taskUi.timeline)} size="small" className="block">
          <Timeline items={caseView.data.timeline.map((e) => ({ key: `${e.at}${e.kind}`, content: `${e.on} · ${t(timelineWords(e))}` }))} />
        </Card>
      )}
      {seesProvince(me, d.province) && <ReportReferral task={d} />}
      {d.status === 'open' && (
        <Card title={t(taskUi.completion)} size="small" className="block">
          {!COMPLETING_ROLES.has(me.role) ? (
            <Typography.Paragraph>{t(taskUi.noWrite)}</Typography.Paragraph>
          ) : (
            <CompletionForm task={d} onDone={done} />
          )}
        </Card>
      )}
    </article>
  );
}

/** A counterpart in another province that came up in this task, reported to MIIT with the task as its origin. */
function ReportReferral({ task }: { task: TaskDetail }) {
  const t = useText();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const origin = { campaignId: task.campaignId, fromProvince: task.province, evidence: { caseId: task.caseId, taskKey: task.key } };
  return (
    <>
      <Button className="block" onClick={() => setOpen(true)}>
        {t(cu.reportReferral)}
      </Button>
      <Modal open={open} title={t(cu.reportReferral)} footer={null} onCancel={() => setOpen(false)} destroyOnHidden width={640}>
        <ReferralReportFormView
          origin={origin}
          onDone={() => {
            setOpen(false);
            void message.success(t(cu.reportedToMiit));
          }}
        />
      </Modal>
    </>
  );
}

/** The form of the task's kind; the catalogue's measure or findings are read from its evidence. */
function CompletionForm({ task, onDone }: { task: TaskDetail; onDone: () => void }) {
  const t = useText();
  const evidence = (task.evidence ?? {}) as { disposition?: unknown; violations?: unknown };
  const measure = DispositionCode.safeParse(evidence.disposition);
  switch (task.kind) {
    case 'verification':
      return <VerificationFormView taskKey={task.key} onDone={onDone} />;
    case 'handlingPlan': {
      const found = ViolationCode.array().safeParse(evidence.violations);
      return <HandlingPlanFormView taskKey={task.key} violations={found.success ? found.data : []} onDone={onDone} />;
    }
    case 'disposition':
      return measure.success ? <DispositionFormView taskKey={task.key} code={measure.data} onDone={onDone} /> : <Typography.Paragraph>{t(taskUi.notThisKind)}</Typography.Paragraph>;
    case 'acceptance':
      return <AcceptanceFormView taskKey={task.key} code={measure.success ? measure.data : undefined} onDone={onDone} />;
    default:
      return <Typography.Paragraph>{t(taskUi.notThisKind)}</Typography.Paragraph>;
  }
}
