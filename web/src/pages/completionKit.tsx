import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Checkbox, DatePicker, Form } from 'antd';
import dayjs from 'dayjs';
import { useState, type ReactNode } from 'react';
import { Controller, useForm, type Control, type DefaultValues, type FieldPath, type FieldValues } from 'react-hook-form';
import type { z } from 'zod';
import { ApiError, api } from '../api';
import { useText } from '../language';
import { shownIssue } from './completionForms';

/**
 * What every form of the application shares: react-hook-form held to the form's zod schema (the
 * shared domain's, so the browser refuses what the API refuses), one Idempotency-Key per form (a
 * double click or a retried submit acts once), and the server's issues put beside their fields by
 * `fieldOf` (the API's path → the form's field).
 */
export function useSchemaForm<In extends FieldValues, Out>(props: {
  schema: z.ZodType<Out, In>;
  defaultValues: DefaultValues<In>;
  fieldOf: (path: string) => string;
  send: (body: Out, idempotencyKey: string) => Promise<unknown>;
  /** The queries the answer changes. */
  invalidates: string[];
  onDone: () => void;
}) {
  const { lang } = useText();
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const client = useQueryClient();
  const form = useForm<In, unknown, Out>({ resolver: zodResolver(props.schema as never) as never, defaultValues: props.defaultValues });
  const submit = useMutation({
    mutationFn: (body: Out) => props.send(body, idempotencyKey),
    onSuccess: () => {
      for (const key of props.invalidates) void client.invalidateQueries({ queryKey: [key] });
      props.onDone();
    },
    onError: (error) => {
      if (!(error instanceof ApiError)) return;
      for (const issue of error.issues) form.setError(props.fieldOf(issue.path) as FieldPath<In>, { message: issue.message });
    },
  });
  const errorOf = (name: string) => {
    let node: unknown = form.formState.errors;
    for (const p of name.split('.')) node = (node as Record<string, unknown> | undefined)?.[p];
    const message = (node as { message?: string } | undefined)?.message;
    return message === undefined ? undefined : shownIssue(message, lang);
  };
  /** A labelled field with its error beside it; `required` marks what must be filled before submit. */
  const item = (name: FieldPath<In>, label: string, control: (id: string) => ReactNode, required = false) => (
    <Form.Item label={label} htmlFor={name} required={required} validateStatus={errorOf(name) ? 'error' : undefined} help={errorOf(name)}>
      {control(name)}
    </Form.Item>
  );
  const refused = submit.error instanceof ApiError ? submit.error : undefined;
  // Issues at no field of the form (a refusal of the whole, a root issue) show above it.
  const rootIssue = errorOf('root');
  const banner = refused && refused.issues.length === 0 ? refused.message : rootIssue;
  const onFinish = () => void form.handleSubmit((completion) => submit.mutate(completion))();
  const alert = banner ? <Alert type="error" title={banner} showIcon role="alert" /> : null;
  return { form, submit, item, errorOf, onFinish, alert };
}

/** A task's completion form: POST /tasks/:key/complete with the form's completion. */
export function useCompletionForm<In extends FieldValues, Out>(props: {
  taskKey: string;
  schema: z.ZodType<Out, In>;
  defaultValues: DefaultValues<In>;
  fieldOf: (path: string) => string;
  onDone: () => void;
}) {
  const { taskKey, ...rest } = props;
  return useSchemaForm<In, Out>({
    ...rest,
    send: (completion, idempotencyKey) => api(`/tasks/${encodeURIComponent(taskKey)}/complete`, { method: 'POST', body: { completion }, idempotencyKey }),
    invalidates: ['tasks'],
  });
}

/** A yes/no of a completion, its label beside the box. */
export function CheckboxField<In extends FieldValues, Out>({ control, name, label }: { control: Control<In, unknown, Out>; name: FieldPath<In>; label: string }) {
  return (
    <Controller
      name={name}
      control={control}
      render={({ field: f }) => (
        <Form.Item>
          <Checkbox checked={f.value as boolean} onChange={(e) => f.onChange(e.target.checked)}>
            {label}
          </Checkbox>
        </Form.Item>
      )}
    />
  );
}

/** A date of a completion: picked or typed, held as the YYYY-MM-DD text the API takes. */
export function dateInput(f: { value: unknown; onChange: (value: string) => void; onBlur: () => void }) {
  const value = f.value as string;
  return (id: string) => <DatePicker id={id} format="YYYY-MM-DD" value={value ? dayjs(value) : null} onChange={(d) => f.onChange(d ? d.format('YYYY-MM-DD') : '')} onBlur={f.onBlur} />;
}
