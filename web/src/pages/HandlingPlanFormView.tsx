import { Button, Card, Form, Input, Select, Space, Typography } from 'antd';
import { Controller, useFieldArray } from 'react-hook-form';
import { DispositionCode, measures, proposeHandlingPlan, violations as catalogue, type ViolationCode } from '../../../domain/catalogue';
import { ActingAgency } from '../../../domain/enums';
import { agencyLabels } from '../../../domain/labels';
import { useText } from '../language';
import { taskUi } from '../taskLocale';
import { fieldOfIssue, HandlingPlanForm, type HandlingPlanFormInput } from './completionForms';
import { CheckboxField, dateInput, useCompletionForm } from './completionKit';

/** The handling plan (处理方案): the catalogue's measures for the findings, proposed and editable, each with its agency and due date. */
export function HandlingPlanFormView({ taskKey, violations, onDone }: { taskKey: string; violations: ViolationCode[]; onDone: () => void }) {
  const t = useText();
  const { form, submit, item, onFinish, alert } = useCompletionForm<HandlingPlanFormInput, unknown>({
    taskKey,
    schema: HandlingPlanForm as never,
    defaultValues: { annex2Verified: true, dispositions: proposeHandlingPlan(violations).map((d) => ({ ...d, dueDate: '', note: '' })), note: '' },
    fieldOf: fieldOfIssue,
    onDone,
  });
  const rows = useFieldArray({ control: form.control, name: 'dispositions' });
  return (
    <Form layout="vertical" onFinish={onFinish}>
      {alert}
      <Typography.Paragraph>
        {violations.map((v) => t(catalogue[v].label)).join(' · ')}
      </Typography.Paragraph>
      <Typography.Paragraph>{t(taskUi.proposedFrom)}</Typography.Paragraph>
      {rows.fields.map((row, i) => (
        <Card key={row.id} size="small" className="finding" title={`${t(taskUi.disposition)} ${i + 1}`} extra={<Button onClick={() => rows.remove(i)}>{t(taskUi.removeDisposition)}</Button>}>
          <Controller
            name={`dispositions.${i}.disposition`}
            control={form.control}
            render={({ field: f }) =>
              item(`dispositions.${i}.disposition`, t(taskUi.disposition), (id) => (
                <Select
                  id={id}
                  {...f}
                  // A measure brings the agency the catalogue gives it; the agency stays editable.
                  onChange={(code: DispositionCode) => (f.onChange(code), form.setValue(`dispositions.${i}.agencyKind`, measures[code].agency))}
                  showSearch={{ optionFilterProp: 'label' }}
                  options={DispositionCode.options.map((code) => ({ value: code, label: t(measures[code].label) }))} />
              ), true)
            }
          />
          <Space wrap align="start">
            <Controller
              name={`dispositions.${i}.agencyKind`}
              control={form.control}
              render={({ field: f }) =>
                item(`dispositions.${i}.agencyKind`, t(taskUi.actingAgency), (id) => <Select id={id} {...f} className="agency-select" options={ActingAgency.options.map((a) => ({ value: a, label: t(agencyLabels[a]) }))} />, true)
              }
            />
            <Controller
              name={`dispositions.${i}.dueDate`}
              control={form.control}
              render={({ field: f }) =>
                item(`dispositions.${i}.dueDate`, t(taskUi.dispositionDue), dateInput(f), true)
              }
            />
          </Space>
          <Controller name={`dispositions.${i}.note`} control={form.control} render={({ field: f }) => item(`dispositions.${i}.note`, t(taskUi.measureNote), (id) => <Input.TextArea id={id} rows={2} {...f} />)} />
        </Card>
      ))}
      <Button onClick={() => rows.append({ disposition: DispositionCode.options[0], agencyKind: measures[DispositionCode.options[0]].agency, dueDate: '', note: '' })} className="add-finding">
        {t(taskUi.addDisposition)}
      </Button>
      <CheckboxField control={form.control} name="annex2Verified" label={t(taskUi.annex2Verified)} />
      <Controller name="note" control={form.control} render={({ field: f }) => item('note', t(taskUi.planNote), (id) => <Input.TextArea id={id} rows={3} {...f} />)} />
      <Button type="primary" htmlType="submit" loading={submit.isPending}>
        {t(taskUi.submit)}
      </Button>
    </Form>
  );
}
