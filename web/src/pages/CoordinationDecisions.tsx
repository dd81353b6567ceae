import { Button, DatePicker, Form, Input, Radio, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactElement, ReactNode } from 'react';
import { Controller, useWatch, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { ActingAgency, EnterpriseType } from '../../../domain/enums';
import { agencyLabels, enterpriseTypeLabels, referralAcceptanceLabels, tipTriageLabels } from '../../../domain/labels';
import { provinceNames } from '../../../domain/provinces';
import type { ReferralAcceptance, ReferralRouting, ReferralSubmission } from '../../../domain/referral';
import type { TipSubmission, TipTriage } from '../../../domain/tip';
import { acceptReferral, reportReferral, routeReferral, submitTip, triageTip, type ReferralItem, type TipItem } from '../coordination';
import { coordinationUi as cu } from '../coordinationLocale';
import { useText } from '../language';
import { CheckboxField, useSchemaForm } from './completionKit';
import {
  ReferralAcceptanceForm,
  ReferralRoutingForm,
  TipSubmissionForm,
  TipTriageForm,
  emptyRegistration,
  fieldOfDecisionIssue,
  fieldOfReportIssue,
  referralReportForm,
  type ReferralAcceptanceInput,
  type ReferralOrigin,
  type ReferralReportInput,
  type ReferralRoutingInput,
  type TipSubmissionInput,
  type TipTriageInput,
} from './coordinationForms';

const provinceOptions = provinceNames.map((p) => ({ value: p, label: p }));
type Item = (name: never, label: string, control: (id: string) => ReactNode, required?: boolean) => ReactElement;

/** The labelled text fields of annex 2's basic block, for an enterprise not on file. */
function RegistrationFields<In extends FieldValues>({ control, item, fixedProvince }: { control: Control<In, unknown, unknown>; item: Item; fixedProvince?: string }) {
  const t = useText();
  const field = (name: 'name' | 'address' | 'legalRepresentative' | 'phone' | 'contact' | 'contactTitle' | 'mobile') => (
    <Controller key={name} name={`register.${name}` as FieldPath<In>} control={control} render={({ field: f }) => item(`register.${name}` as never, t(cu[name]), (id) => <Input id={id} {...f} />, true)} />
  );
  return (
    <fieldset className="registration">
      {field('name')}
      <Controller
        name={'register.types' as FieldPath<In>}
        control={control}
        render={({ field: f }) => item('register.types' as never, t(cu.types), (id) => <Select id={id} mode="multiple" {...f} options={EnterpriseType.options.map((type) => ({ value: type, label: t(enterpriseTypeLabels[type]) }))} />, true)}
      />
      <Controller
        name={'register.province' as FieldPath<In>}
        control={control}
        render={({ field: f }) => item('register.province' as never, t(cu.province), (id) => <Select id={id} {...f} disabled={fixedProvince !== undefined} showSearch options={provinceOptions} />, true)}
      />
      {(['address', 'legalRepresentative', 'phone', 'contact', 'contactTitle', 'mobile'] as const).map(field)}
    </fieldset>
  );
}

function AgencySelect({ id, value, onChange }: { id: string; value: string | undefined; onChange: (v: string) => void }) {
  const t = useText();
  return <Select id={id} value={value} onChange={onChange} options={ActingAgency.options.map((a) => ({ value: a, label: t(agencyLabels[a]) }))} />;
}

/** The choice of what to do, which decides the fields that follow. */
function DecisionRadio<In extends FieldValues>({ control, name, options }: { control: Control<In, unknown, unknown>; name: FieldPath<In>; options: { value: string; label: string }[] }) {
  const t = useText();
  return (
    <Controller
      name={name}
      control={control}
      render={({ field: f }) => (
        <Form.Item label={t(cu.decision)}>
          <Radio.Group aria-label={t(cu.decision)} value={f.value} onChange={(e) => f.onChange(e.target.value)} options={options} />
        </Form.Item>
      )}
    />
  );
}

function Submit({ loading }: { loading: boolean }) {
  const t = useText();
  return (
    <Button type="primary" htmlType="submit" loading={loading}>
      {t(cu.submit)}
    </Button>
  );
}

/** MIIT's coordination of a reported referral: route it to the province concerned, or close it. */
export function ReferralRoutingFormView({ referral, onDone }: { referral: ReferralItem; onDone: () => void }) {
  const t = useText();
  const { form, submit, item, onFinish, alert } = useSchemaForm<ReferralRoutingInput, ReferralRouting>({
    schema: ReferralRoutingForm as never,
    defaultValues: { decision: 'route', toProvince: referral.toProvince, reason: '' },
    fieldOf: fieldOfDecisionIssue,
    send: (body) => routeReferral(referral.id, body),
    invalidates: ['referrals'],
    onDone,
  });
  const decision = useWatch({ control: form.control, name: 'decision' });
  return (
    <Form layout="vertical" onFinish={onFinish}>
      {alert}
      <DecisionRadio control={form.control} name="decision" options={[{ value: 'route', label: t(cu.routeTo) }, { value: 'close', label: t(cu.closeIt) }]} />
      {decision === 'route' ? (
        <Controller name="toProvince" control={form.control} render={({ field: f }) => item('toProvince', t(cu.toProvince), (id) => <Select id={id} {...f} showSearch options={provinceOptions} />, true)} />
      ) : (
        <Controller name="reason" control={form.control} render={({ field: f }) => item('reason', t(cu.closeReason), (id) => <Input.TextArea id={id} rows={3} {...f} />, true)} />
      )}
      <Submit loading={submit.isPending} />
    </Form>
  );
}

/**
 * A finding about a counterpart in another province, reported to MIIT from the task it came up in
 * (一.(三)): once however often it is sent (its Idempotency-Key).
 */
export function ReferralReportFormView({ origin, onDone }: { origin: ReferralOrigin; onDone: () => void }) {
  const t = useText();
  const { form, submit, item, onFinish, alert } = useSchemaForm<ReferralReportInput, ReferralSubmission>({
    schema: referralReportForm(origin) as never,
    defaultValues: { toProvince: undefined, counterpart: { name: '', code: '' }, facts: '' },
    fieldOf: fieldOfReportIssue,
    send: (body, idempotencyKey) => reportReferral(body, idempotencyKey),
    invalidates: ['referrals'],
    onDone,
  });
  return (
    <Form layout="vertical" onFinish={onFinish}>
      <Typography.Paragraph>{t(cu.reportHint)}</Typography.Paragraph>
      {alert}
      <Controller name="counterpart.name" control={form.control} render={({ field: f }) => item('counterpart.name', t(cu.counterpartName), (id) => <Input id={id} {...f} />, true)} />
      <Controller name="counterpart.code" control={form.control} render={({ field: f }) => item('counterpart.code', t(cu.counterpartCode), (id) => <Input id={id} {...f} />)} />
      <Controller name="toProvince" control={form.control} render={({ field: f }) => item('toProvince', t(cu.counterpartProvince), (id) => <Select id={id} {...f} allowClear showSearch options={provinceOptions} />)} />
      <Controller name="facts" control={form.control} render={({ field: f }) => item('facts', t(cu.facts), (id) => <Input.TextArea id={id} rows={4} {...f} />, true)} />
      <Submit loading={submit.isPending} />
    </Form>
  );
}

/** The receiving province's acceptance: a verification in the counterpart's case, or the enterprise added to the campaign. */
export function ReferralAcceptanceFormView({ referral, onDone }: { referral: ReferralItem; onDone: () => void }) {
  const t = useText();
  const { form, submit, item, onFinish, alert } = useSchemaForm<ReferralAcceptanceInput, ReferralAcceptance>({
    schema: ReferralAcceptanceForm as never,
    defaultValues: { action: 'verifyInCase', enterpriseCode: referral.counterpart.code ?? '', agencyKind: 'industry', registering: false, register: { ...emptyRegistration(referral.toProvince), name: referral.counterpart.name } },
    fieldOf: fieldOfDecisionIssue,
    send: (body) => acceptReferral(referral.id, body),
    invalidates: ['referrals'],
    onDone,
  });
  const [action, registering] = useWatch({ control: form.control, name: ['action', 'registering'] });
  return (
    <Form layout="vertical" onFinish={onFinish}>
      {alert}
      <DecisionRadio control={form.control} name="action" options={(['verifyInCase', 'addToCampaign'] as const).map((a) => ({ value: a, label: t(referralAcceptanceLabels[a]) }))} />
      <Controller name="enterpriseCode" control={form.control} render={({ field: f }) => item('enterpriseCode', t(cu.enterpriseCode), (id) => <Input id={id} {...f} />, true)} />
      {action === 'verifyInCase' ? (
        <Controller name="agencyKind" control={form.control} render={({ field: f }) => item('agencyKind', t(cu.agency), (id) => <AgencySelect id={id} value={f.value} onChange={f.onChange} />, true)} />
      ) : (
        <>
          <CheckboxField control={form.control} name="registering" label={t(cu.register)} />
          {registering && <RegistrationFields control={form.control as never} item={item as Item} fixedProvince={referral.toProvince} />}
        </>
      )}
      <Submit loading={submit.isPending} />
    </Form>
  );
}

/** A tip's triage by its province's coordinator (MIIT for a tip with no province). */
export function TipTriageFormView({ tip, campaignIds, onDone }: { tip: TipItem; campaignIds: string[]; onDone: () => void }) {
  const t = useText();
  const { form, submit, item, onFinish, alert } = useSchemaForm<TipTriageInput, TipTriage>({
    schema: TipTriageForm as never,
    defaultValues: {
      action: tip.enterpriseCode ? 'linkToCase' : 'close',
      campaignId: campaignIds.at(-1) ?? '',
      enterpriseCode: tip.enterpriseCode ?? '',
      agencyKind: 'industry',
      toProvince: undefined,
      counterpart: { name: '', code: '' },
      reason: '',
      registering: false,
      register: emptyRegistration(tip.province),
    },
    fieldOf: fieldOfDecisionIssue,
    send: (body) => triageTip(tip.id, body),
    invalidates: ['tips', 'referrals'],
    onDone,
  });
  const [action, registering] = useWatch({ control: form.control, name: ['action', 'registering'] });
  // A tip with no province has nowhere to be referred from: MIIT routes referrals itself.
  const actions = (['linkToCase', 'addToCampaign', 'refer', 'close'] as const).filter((a) => a !== 'refer' || tip.province !== undefined);
  return (
    <Form layout="vertical" onFinish={onFinish}>
      {alert}
      <DecisionRadio control={form.control} name="action" options={actions.map((a) => ({ value: a, label: t(tipTriageLabels[a]) }))} />
      {action !== 'close' && (
        <Controller name="campaignId" control={form.control} render={({ field: f }) => item('campaignId', t(cu.campaign), (id) => <Select id={id} {...f} options={campaignIds.map((c) => ({ value: c, label: c }))} />, true)} />
      )}
      {(action === 'linkToCase' || action === 'addToCampaign') && (
        <Controller name="enterpriseCode" control={form.control} render={({ field: f }) => item('enterpriseCode', t(cu.enterpriseCode), (id) => <Input id={id} {...f} />, true)} />
      )}
      {action === 'linkToCase' && <Controller name="agencyKind" control={form.control} render={({ field: f }) => item('agencyKind', t(cu.agency), (id) => <AgencySelect id={id} value={f.value} onChange={f.onChange} />, true)} />}
      {action === 'addToCampaign' && (
        <>
          <CheckboxField control={form.control} name="registering" label={t(cu.register)} />
          {registering && <RegistrationFields control={form.control as never} item={item as Item} fixedProvince={tip.province} />}
        </>
      )}
      {action === 'refer' && (
        <>
          <Controller name="toProvince" control={form.control} render={({ field: f }) => item('toProvince', t(cu.referTo), (id) => <Select id={id} {...f} allowClear showSearch options={provinceOptions.filter((p) => p.value !== tip.province)} />)} />
          <Controller name="counterpart.name" control={form.control} render={({ field: f }) => item('counterpart.name', t(cu.counterpartName), (id) => <Input id={id} {...f} />, true)} />
          <Controller name="counterpart.code" control={form.control} render={({ field: f }) => item('counterpart.code', t(cu.counterpartCode), (id) => <Input id={id} {...f} />)} />
        </>
      )}
      {action === 'close' && <Controller name="reason" control={form.control} render={({ field: f }) => item('reason', t(cu.closeReason), (id) => <Input.TextArea id={id} rows={3} {...f} />, true)} />}
      <Submit loading={submit.isPending} />
    </Form>
  );
}

/** A tip-off as it came in (a hotline call, a letter): recorded once however often it is sent (its Idempotency-Key). */
export function TipSubmissionFormView({ province, onDone }: { province: string | null; onDone: () => void }) {
  const t = useText();
  const { form, submit, item, onFinish, alert } = useSchemaForm<TipSubmissionInput, TipSubmission>({
    schema: TipSubmissionForm as never,
    defaultValues: { source: '', text: '', enterpriseCode: '', province: province ?? undefined, receivedAt: '' },
    fieldOf: fieldOfDecisionIssue,
    send: (body, idempotencyKey) => submitTip(body, idempotencyKey),
    invalidates: ['tips'],
    onDone,
  });
  return (
    <Form layout="vertical" onFinish={onFinish}>
      {alert}
      <Controller name="source" control={form.control} render={({ field: f }) => item('source', t(cu.tipSource), (id) => <Input id={id} {...f} />, true)} />
      <Controller name="text" control={form.control} render={({ field: f }) => item('text', t(cu.text), (id) => <Input.TextArea id={id} rows={4} {...f} />, true)} />
      <Controller
        name="receivedAt"
        control={form.control}
        render={({ field: f }) =>
          item('receivedAt', t(cu.receivedAt), (id) => <DatePicker id={id} showTime format="YYYY-MM-DD HH:mm" value={f.value ? dayjs(f.value) : null} onChange={(d) => f.onChange(d ? d.format() : '')} onBlur={f.onBlur} />, true)
        }
      />
      <Controller name="province" control={form.control} render={({ field: f }) => item('province', t(cu.province), (id) => <Select id={id} {...f} allowClear showSearch options={provinceOptions} />)} />
      <Controller name="enterpriseCode" control={form.control} render={({ field: f }) => item('enterpriseCode', t(cu.tipEnterpriseCode), (id) => <Input id={id} {...f} />)} />
      <Submit loading={submit.isPending} />
    </Form>
  );
}
