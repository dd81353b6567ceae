import { Input, Select, Space, Switch, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { taskKindLabels } from '../../../domain/labels/inbox';
import { useText } from '../language';
import { ui } from '../locale';
import type { Me } from '../session';
import { claims, urgencyColours, urgencyOf, useTaskEvents, useTasks, type Task, type TaskFilters } from '../tasks';
import { ClaimButton } from './TaskAssignment';
import { tableLayout } from './tableLayout';

// Colour and words together: red and the word 已逾期 for overdue, so colour is never the only sign.

/** 我的待办: my agency's tasks in my province, soonest due first (GET /tasks scopes them). */
export function TasksPage({ me }: { me: Me }) {
  const t = useText();
  const [filters, setFilters] = useState<TaskFilters>({ status: 'open', page: 1, pageSize: 20 });
  const [search, setSearch] = useState('');
  const tasks = useTasks(filters);
  useTaskEvents();
  const head = me.role === 'agencyHead';
  const openCount = filters.status === 'open' ? tasks.data?.total : undefined;

  useEffect(() => {
    document.title = `${openCount !== undefined ? `(${openCount}) ` : ''}${t(ui.myTasks)}`;
  }, [openCount, t]);

  const words = search.trim().toLowerCase();
  // The list API has no text search yet: this filters the page shown.
  const shown = (tasks.data?.items ?? []).filter((task) => !words || task.title.toLowerCase().includes(words) || task.enterpriseCode.toLowerCase().includes(words));
  const columns: TableColumnsType<Task> = [
    {
      title: t(ui.task),
      dataIndex: 'title',
      render: (_: unknown, task) => <Link to={`/ui/tasks/${encodeURIComponent(task.key)}`}>{task.title}</Link>,
    },
    { title: t(ui.kind), dataIndex: 'kind', render: (kind: Task['kind']) => t(taskKindLabels[kind]) },
    { title: t(ui.creditCode), dataIndex: 'enterpriseCode' },
    {
      title: t(ui.dueOn),
      dataIndex: 'dueOn',
      render: (dueOn: string, task) => {
        const urgency = urgencyOf(task);
        return (
          <Space size={4} wrap>
            <span>{dueOn}</span>
            {task.status === 'open' && <Tag color={urgencyColours[urgency]}>{t(ui[urgency])}</Tag>}
          </Space>
        );
      },
    },
    { title: t(ui.status), dataIndex: 'status', render: (status: Task['status']) => t(ui[status]) },
    ...(head ? [{ title: t(ui.assignee), dataIndex: 'assignee', render: (a: Task['assignee']) => (a ? (a.name ?? a.staffId) : t(ui.unassigned)) }] : []),
    ...(claims(me) ? [{ title: t(ui.actions), key: 'actions', render: (_: unknown, task: Task) => <ClaimButton me={me} task={task} /> }] : []),
  ];

  return (
    <section>
      <Typography.Title level={1}>
        {t(ui.myTasks)}
        {openCount !== undefined && (
          <Typography.Text type="secondary" className="count">
            {' '}
            {openCount} {t(ui.tasksCount)}
          </Typography.Text>
        )}
      </Typography.Title>
      <Space wrap className="filters">
        <Select
          aria-label={t(ui.status)}
          value={filters.status ?? 'all'}
          onChange={(v: string) => setFilters({ ...filters, page: 1, status: v === 'all' ? undefined : (v as Task['status']) })}
          options={(['open', 'completed', 'cancelled', 'all'] as const).map((s) => ({ value: s, label: t(ui[s]) }))}
          className="filter-status"
        />
        <label className="switch">
          <Switch checked={filters.overdue === true} onChange={(on) => setFilters({ ...filters, page: 1, overdue: on || undefined })} aria-label={t(ui.onlyOverdue)} />{' '}
          {t(ui.onlyOverdue)}
        </label>
        <label className="switch">
          <Switch checked={filters.assignee === 'me'} onChange={(on) => setFilters({ ...filters, page: 1, assignee: on ? 'me' : undefined })} aria-label={t(ui.assignedToMe)} />{' '}
          {t(ui.assignedToMe)}
        </label>
        <Input.Search aria-label={t(ui.search)} placeholder={t(ui.search)} allowClear value={search} onChange={(e) => setSearch(e.target.value)} className="search" />
      </Space>
      <Table<Task>
        rowKey="key"
        columns={columns}
        dataSource={shown}
        loading={tasks.isPending}
        {...tableLayout(shown)}
        pagination={{
          current: filters.page,
          pageSize: filters.pageSize,
          total: tasks.data?.total ?? 0,
          showSizeChanger: true,
          onChange: (page, pageSize) => setFilters({ ...filters, page, pageSize }),
        }}
      />
    </section>
  );
}
