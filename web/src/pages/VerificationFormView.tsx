import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Form, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { Controller, useFieldArray, useForm, type FieldPath } from 'react-hook-form';
import { violations } from '../../../domain/catalogue/violations';
import type { VerificationCompletion } from '../../../domain/case/completions';
import { ApiError, api } from '../api';
import { useText } from '../language';
import { ui } from '../locale';
import { formFieldOf, VerificationForm, type VerificationFormInput } from './verificationForm';

const VIOLATION_CODES = Object.keys(violations) as (keyof typeof violations)[];
const emptyFinding = { violation: VIOLATION_CODES[0], illegalGainsYuan: '', unpaidTaxYuan: '', tonnes: '', note: '' };

/**
 * The completion of a verification task. One Idempotency-Key per form: a double click or a
 * retried submit completes the task once. Issues of the server's answer go beside their fields.
 */
export function VerificationFormView({ taskKey, onDone }: { taskKey: string; onDone: () => void }) {
  const t = useText();
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const client = useQueryClient();
  const form = useForm<VerificationFormInput, unknown, VerificationCompletion>({
    resolver: zodResolver(VerificationForm),
    defaultValues: { findings: [], suspectedCrime: false, note: '' },
  });
  const findings = useFieldArray({ control: form.control, name: 'findings' });
  const submit = useMutation({
    mutationFn: (completion: VerificationCompletion) => api(`/tasks/${encodeURIComponent(taskKey)}/complete`, { method: 'POST', body: { completion }, idempotencyKey }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['tasks'] });
      onDone();
    },
    onError: (error) => {
      if (!(error instanceof ApiError)) return;
      for (const issue of error.issues) form.setError(formFieldOf(issue.path) as FieldPath<VerificationFormInput>, { message: issue.message });
    },
  });
  const errorOf = (name: FieldPath<VerificationFormInput>) => {
    const parts = name.split('.');
    let node: unknown = form.formState.errors;
    for (const p of parts) node = (node as Record<string, unknown> | undefined)?.[p];
    return (node as { message?: string } | undefined)?.message;
  };
  const item = (name: FieldPath<VerificationFormInput>, label: string, control: (id: string) => React.ReactNode) => (
    <Form.Item label={label} htmlFor={name} validateStatus={errorOf(name) ? 'error' : undefined} help={errorOf(name)}>
      {control(name)}
    </Form.Item>
  );
  const refusal = submit.error instanceof ApiError && submit.error.issues.length === 0 ? submit.error.message : undefined;
  return (
    <Form layout="vertical" onFinish={() => void form.handleSubmit((completion) => submit.mutate(completion))()}>
      {refusal && <Alert type="error" title={refusal} showIcon role="alert" />}
      {findings.fields.map((field, i) => (
        <Card key={field.id} size="small" title={`${t(ui.findings)} ${i + 1}`} className="finding" extra={<Button onClick={() => findings.remove(i)}>{t(ui.removeFinding)}</Button>}>
          <Controller
            name={`findings.${i}.violation`}
            control={form.control}
            render={({ field: f }) =>
              item(`findings.${i}.violation`, t(ui.violation), (id) => (
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
                render={({ field: f }) => item(`findings.${i}.${amount}`, t(ui[amount]), (id) => <Input id={id} inputMode="decimal" {...f} />)}
              />
            ))}
          </Space>
          <Controller name={`findings.${i}.note`} control={form.control} render={({ field: f }) => item(`findings.${i}.note`, t(ui.findingNote), (id) => <Input.TextArea id={id} rows={2} {...f} />)} />
        </Card>
      ))}
      <Button onClick={() => findings.append({ ...emptyFinding })} className="add-finding">
        {t(ui.addFinding)}
      </Button>
      <Controller
        name="suspectedCrime"
        control={form.control}
        render={({ field: f }) => (
          <Form.Item>
            <Checkbox checked={f.value} onChange={(e) => f.onChange(e.target.checked)}>
              {t(ui.suspectedCrime)}
            </Checkbox>
          </Form.Item>
        )}
      />
      <Controller name="note" control={form.control} render={({ field: f }) => item('note', t(ui.note), (id) => <Input.TextArea id={id} rows={3} {...f} />)} />
      <Button type="primary" htmlType="submit" loading={submit.isPending}>
        {t(ui.submit)}
      </Button>
    </Form>
  );
}
