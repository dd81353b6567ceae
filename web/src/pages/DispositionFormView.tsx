import { Button, Form, Input, Typography } from 'antd';
import { useMemo } from 'react';
import { Controller, type FieldPath } from 'react-hook-form';
import { measures, type DispositionCode } from '../../../domain/catalogue';
import { useText } from '../language';
import { taskUi } from '../taskLocale';
import { dispositionForm, fieldOfIssue, inOfficialUnits, type DispositionFormInput } from './completionForms';
import { dateInput, useCompletionForm } from './completionKit';

/** A measure's completion: the document number and exactly what the catalogue requires of the measure, each marked required. */
export function DispositionFormView({ taskKey, code, onDone }: { taskKey: string; code: DispositionCode; onDone: () => void }) {
  const t = useText();
  const schema = useMemo(() => dispositionForm(code), [code]);
  const required = measures[code].mustState;
  const { form, submit, item, onFinish, alert } = useCompletionForm<DispositionFormInput, unknown>({
    taskKey,
    schema: schema as never,
    defaultValues: { documentNo: '', amounts: Object.fromEntries(required.filter((r) => r.field !== 'rectificationDeadline').map((r) => [r.field, ''])), rectificationDeadline: '', note: '' },
    fieldOf: fieldOfIssue,
    onDone,
  });
  return (
    <Form layout="vertical" onFinish={onFinish}>
      {alert}
      <Typography.Paragraph>
        {t(taskUi.measureOfTask)}: <strong>{t(measures[code].label)}</strong>
      </Typography.Paragraph>
      <Controller name="documentNo" control={form.control} render={({ field: f }) => item('documentNo', t(taskUi.documentNo), (id) => <Input id={id} {...f} />, true)} />
      {required.map(({ field, label }) =>
        field === 'rectificationDeadline' ? (
          <Controller
            key={field}
            name="rectificationDeadline"
            control={form.control}
            render={({ field: f }) =>
              item(
                'rectificationDeadline',
                t(label),
                dateInput(f),
                true,
              )
            }
          />
        ) : (
          <Controller
            key={field}
            name={`amounts.${field}` as FieldPath<DispositionFormInput>}
            control={form.control}
            render={({ field: f }) => item(`amounts.${field}` as FieldPath<DispositionFormInput>, t(inOfficialUnits(label)), (id) => <Input id={id} inputMode="decimal" {...f} value={f.value as string} />, true)}
          />
        ),
      )}
      <Controller name="note" control={form.control} render={({ field: f }) => item('note', t(taskUi.measureNote), (id) => <Input.TextArea id={id} rows={3} {...f} />)} />
      <Button type="primary" htmlType="submit" loading={submit.isPending}>
        {t(taskUi.submit)}
      </Button>
    </Form>
  );
}
