import { App, Button, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../api';
import { useText } from '../language';
import { ui } from '../locale';
import type { Me } from '../session';
import { assigns, claims, useAssign, useAssignees, type Task } from '../tasks';

/** Claim or release my task: what staff and heads of the task's agency may do (the list and the task page). */
export function ClaimButton({ me, task }: { me: Me; task: Task }) {
  const t = useText();
  const { message } = App.useApp();
  const assign = useAssign();
  if (task.status !== 'open' || !claims(me)) return null;
  const mine = task.assignee?.staffId === me.staffId;
  // Someone else's: heads reassign it on the task page; staff leave it alone.
  if (task.assignee && !mine) return null;
  const action = mine ? 'release' : 'claim';
  return (
    <Button
      size="small"
      loading={assign.isPending}
      onClick={() => assign.mutate({ key: task.key, action }, { onError: (error) => void message.error(error instanceof ApiError ? error.message : t(ui.failed)) })}
    >
      {t(ui[action])}
    </Button>
  );
}

/** The task page's assignment: who has it, claim or release, and for those who assign a select of the agency's staff. */
export function TaskAssignment({ me, task }: { me: Me; task: Task }) {
  const t = useText();
  const { message } = App.useApp();
  const assigner = assigns(me) && task.status === 'open';
  const people = useAssignees(task.key, assigner);
  const assign = useAssign();
  const [chosen, setChosen] = useState<string | undefined>();
  return (
    <Space wrap align="center" className="assignment">
      <Typography.Text>
        {t(ui.assignee)}: {task.assignee ? (task.assignee.name ?? task.assignee.staffId) : t(ui.unassigned)}
      </Typography.Text>
      <ClaimButton me={me} task={task} />
      {assigner && (
        <>
          <Select
            aria-label={t(ui.assignTo)}
            placeholder={t(ui.assignTo)}
            className="assign-select"
            loading={people.isPending}
            value={chosen}
            onChange={setChosen}
            options={(people.data?.items ?? []).filter((p) => p.staffId !== task.assignee?.staffId).map((p) => ({ value: p.staffId, label: `${p.name} · ${p.email}` }))}
          />
          <Button
            disabled={!chosen}
            loading={assign.isPending}
            onClick={() =>
              assign.mutate(
                { key: task.key, action: 'assign', staffId: chosen! },
                { onSuccess: () => (setChosen(undefined), void message.success(t(ui.assigned))), onError: (error) => void message.error(error instanceof ApiError ? error.message : t(ui.failed)) },
              )
            }
          >
            {t(ui.assign)}
          </Button>
        </>
      )}
    </Space>
  );
}
