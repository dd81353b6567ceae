import { Button, Card, Form, Input, Select, Space } from 'antd';
import { Controller, useFieldArray } from 'react-hook-form';
import { violations } from '../../../domain/catalogue/violations';
import type { VerificationCompletion } from '../../../domain/case/completions';
import { useText } from '../language';
import { taskUi } from '../taskLocale';
import { CheckboxField, useCompletionForm } from './completionKit';
import { formFieldOf, VerificationForm, type VerificationFormInput } from './verificationForm';

const VIOLATION_CODES = Object.keys(violations) as (keyof typeof violations)[];
const emptyFinding = { violation: VIOLATION_CODES[0], illegalGainsYuan: '', unpaidTaxYuan: '', tonnes: '', note: '' };

/** The completion of a verification task (the Idempotency-Key and the server's issues: completionKit.tsx). */
export function VerificationFormView({ taskKey, onDone }: { taskKey: string; onDone: () => void }) {
  const t = useText();
  const { form, submit, item, onFinish, alert } = useCompletionForm<VerificationFormInput, VerificationCompletion>({
    taskKey,
    schema: VerificationForm,
    defaultValues: { findings: [], suspectedCrime: false, note: '' },
    fieldOf: formFieldOf,
    onDone,
  });
  const findings = useFieldArray({ control: form.control, name: 'findings' });
  return (
    <Form layout="vertical" onFinish={onFinish}>
      {alert}
      {findings.fields.map((field, i) => (
        <Card key={field.id} size="small" title={`${t(taskUi.findings)} ${i + 1}`} className="finding" extra={<Button onClick={() => findings.remove(i)}>{t(taskUi.removeFinding)}</Button>}>
          <Controller
            name={`findings.${i}.violation`}
            control={form.control}
            render={({ field: f }) =>
              item(`findings.${i}.violation`, t(taskUi.violation), (id) => (
                <Select id={id} {...f} showSearch={{ optionFilterProp: 'label' }} options={VIOLATION_CODES.map((code) => ({ value: code, label: t(violations[code].label) }))} />
              ))
            }
          />
          <Space wrap align="start">
            {(['illegalGainsYuan', 'unpaidTaxYuan', 'tonnes'] as const).map((amount) => (
              <Controller
                key={amount}
                name={`findings.${i}.${amount}`}
                control={form.control}
                render={({ field: f }) => item(`findings.${i}.${amount}`, t(taskUi[amount]), (id) => <Input id={id} inputMode="decimal" {...f} />)}
              />
            ))}
          </Space>
          <Controller name={`findings.${i}.note`} control={form.control} render={({ field: f }) => item(`findings.${i}.note`, t(taskUi.findingNote), (id) => <Input.TextArea id={id} rows={2} {...f} />)} />
        </Card>
      ))}
      <Button onClick={() => findings.append({ ...emptyFinding })} className="add-finding">
        {t(taskUi.addFinding)}
      </Button>
      <CheckboxField control={form.control} name="suspectedCrime" label={t(taskUi.suspectedCrime)} />
      <Controller name="note" control={form.control} render={({ field: f }) => item('note', t(taskUi.note), (id) => <Input.TextArea id={id} rows={3} {...f} />)} />
      <Button type="primary" htmlType="submit" loading={submit.isPending}>
        {t(taskUi.submit)}
      </Button>
    </Form>
  );
}
