import { Button, Form, Input, Radio, Typography } from 'antd';
import { Controller, useWatch } from 'react-hook-form';
import { measures, type DispositionCode } from '../../../domain/catalogue';
import { useText } from '../language';
import { taskUi } from '../taskLocale';
import { AcceptanceForm, fieldOfIssue, type AcceptanceFormInput } from './completionForms';
import { CheckboxField, dateInput, useCompletionForm } from './completionKit';

/** Acceptance (验收) of a measure: accept it, or refuse with the reason and a new completion date; dereliction or collusion goes to discipline inspection. */
export function AcceptanceFormView({ taskKey, code, onDone }: { taskKey: string; code: DispositionCode | undefined; onDone: () => void }) {
  const t = useText();
  const { form, submit, item, onFinish, alert } = useCompletionForm<AcceptanceFormInput, unknown>({
    taskKey,
    schema: AcceptanceForm as never,
    defaultValues: { accepted: true, note: '', reason: '', newCompletionDate: '', dereliction: false, officials: '', facts: '' },
    fieldOf: fieldOfIssue,
    onDone,
  });
  const accepted = useWatch({ control: form.control, name: 'accepted' });
  const dereliction = useWatch({ control: form.control, name: 'dereliction' });
  return (
    <Form layout="vertical" onFinish={onFinish}>
      {alert}
      {code && (
        <Typography.Paragraph>
          {t(taskUi.measureOfTask)}: <strong>{t(measures[code].label)}</strong>
        </Typography.Paragraph>
      )}
      <Controller
        name="accepted"
        control={form.control}
        render={({ field: f }) => (
          <Form.Item label={t(taskUi.acceptanceResult)}>
            <Radio.Group aria-label={t(taskUi.acceptanceResult)} value={f.value} onChange={(e) => f.onChange(e.target.value as boolean)} options={[{ value: true, label: t(taskUi.accept) }, { value: false, label: t(taskUi.refuse) }]} />
          </Form.Item>
        )}
      />
      {accepted ? (
        <Controller name="note" control={form.control} render={({ field: f }) => item('note', t(taskUi.acceptanceNote), (id) => <Input.TextArea id={id} rows={3} {...f} />)} />
      ) : (
        <>
          <Controller name="reason" control={form.control} render={({ field: f }) => item('reason', t(taskUi.refusalReason), (id) => <Input.TextArea id={id} rows={3} {...f} />, true)} />
          <Controller
            name="newCompletionDate"
            control={form.control}
            render={({ field: f }) =>
              item('newCompletionDate', t(taskUi.newCompletionDate), dateInput(f), true)
            }
          />
        </>
      )}
      <CheckboxField control={form.control} name="dereliction" label={t(taskUi.dereliction)} />
      {dereliction && (
        <>
          <Controller name="officials" control={form.control} render={({ field: f }) => item('officials', t(taskUi.officials), (id) => <Input id={id} {...f} />, true)} />
          <Controller name="facts" control={form.control} render={({ field: f }) => item('facts', t(taskUi.facts), (id) => <Input.TextArea id={id} rows={3} {...f} />, true)} />
        </>
      )}
      <Button type="primary" htmlType="submit" loading={submit.isPending}>
        {t(taskUi.submit)}
      </Button>
    </Form>
  );
}
