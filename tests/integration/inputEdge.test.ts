import { randomUUID } from 'node:crypto';
import { ApplicationFailure, WorkflowFailedError } from '@temporalio/client';
import { layout } from '../../intake';
import { tipWorkflowId } from '../../domain/tip';
import type { CaseView } from '../../workflows/caseMessages';
import { caseViewQuery } from '../../workflows/caseMessages';
import { recordHistory } from '../support/histories';
import { retryingActivities, useOpenCase } from '../support/openCase';

/**
 * Issue 15's defects, each through the public interface: input PostgreSQL or Temporal cannot hold
 * is refused where it enters, an activity that cannot succeed stops retrying and the case says
 * so, and an Idempotency-Key names one request.
 */
const f = useOpenCase('input-edge', 31);

const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
const staff = (agency: string) => f.h.as(f.h.tokens[`${f.c.provinceCode}-${agency}-staff`]);
const taskPath = (key: string) => `/tasks/${encodeURIComponent(key)}`;
const caseView = () => f.h.client.workflow.getHandle(f.c.caseId).query(caseViewQuery);
const taskIn = (view: CaseView, key: string) => view.tasks.find((t) => t.key === key)!;
const answer = async (res: Response) => ({ status: res.status, body: (await res.json()) as { error: string; details?: { path: string; message: string }[] } });
const nul = 'must not contain NUL or lone surrogate characters';
const tip = { source: '12345 hotline', text: '夜间有卡车运出稀土矿', province: '江西省', receivedAt: '2014-10-12T09:00:00+08:00' };

test('a completion with NUL is refused at once with the field named; the task stays open and takes a clean completion', async () => {
  const key = f.c.tasks.tax;
  const refused = await answer(await staff('tax')(`${taskPath(key)}/complete`, json({ completion: { findings: [], note: 'ok\u0000x' } })));
  expect(refused.status).toBe(400);
  expect(refused.body.details).toEqual([{ path: 'completion.note', message: expect.stringContaining(nul) }]);
  expect((await f.h.prisma.caseTask.findUniqueOrThrow({ where: { key } })).status).toBe('open');
  expect(taskIn(await caseView(), key).status).toBe('open');

  const done = await staff('tax')(`${taskPath(key)}/complete`, json({ completion: { findings: [], note: 'ok' } }));
  expect(done.status).toBe(200);
  expect((await f.h.prisma.caseTask.findUniqueOrThrow({ where: { key } })).status).toBe('completed');
});

test('a completion the database refuses for good reopens the task, says why in the timeline, answers 422 and leaves nothing retrying', async () => {
  const key = f.c.tasks.industry;
  // A rule of the database (a trigger standing for any constraint) refuses this task's completion,
  // the same way on every attempt.
  await f.h.prisma.$executeRawUnsafe(`CREATE FUNCTION refuse_completion() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'completion refused' USING ERRCODE = 'check_violation'; END $$`);
  await f.h.prisma.$executeRawUnsafe(`CREATE TRIGGER refuse_completion BEFORE UPDATE ON "CaseTask" FOR EACH ROW WHEN (OLD.key = '${key}') EXECUTE FUNCTION refuse_completion()`);
  try {
    const refused = await answer(await staff('industry')(`${taskPath(key)}/complete`, json({ completion: { findings: [] } })));
    expect(refused.status).toBe(422);
    expect(refused.body.error).toContain('the task is open again');
  } finally {
    await f.h.prisma.$executeRawUnsafe('DROP TRIGGER refuse_completion ON "CaseTask"');
  }
  expect((await f.h.prisma.caseTask.findUniqueOrThrow({ where: { key } })).status).toBe('open');
  const view = await caseView();
  expect(taskIn(view, key).status).toBe('open');
  expect(view.timeline.filter((e) => e.taskKey === key).map((e) => e.kind)).toContain('completionNotRecorded');
  const { raw } = await f.h.client.workflow.getHandle(f.c.caseId).describe();
  expect((raw.pendingActivities ?? []).map((a) => a.activityType?.name)).not.toContain('recordTaskCompletion');

  // Once the database takes it, the task takes the completion.
  expect((await staff('industry')(`${taskPath(key)}/complete`, json({ completion: { findings: [] } }))).status).toBe(200);
  expect(taskIn(await caseView(), key).status).toBe('completed');
  recordHistory('enterpriseCase-completionNotRecorded', f.c.caseId);
});

test('a tip with NUL, or received in year 0 or in the future, is refused before any workflow starts', async () => {
  // A time in the future fits the document (no schema knows today), so it is a 422, not a 400.
  const cases = [
    [{ ...tip, text: 'abc\u0000def' }, 'text', 400],
    [{ ...tip, source: 'hotline\ud800' }, 'source', 400],
    [{ ...tip, receivedAt: '0000-01-01T00:00:00Z' }, 'receivedAt', 400],
    [{ ...tip, receivedAt: new Date(Date.now() + 7 * 86_400_000).toISOString() }, 'receivedAt', 422],
  ] as const;
  for (const [body, field, status] of cases) {
    const key = `tip-${randomUUID()}`;
    const res = await answer(await staff('tax')('/tips', json(body, { 'Idempotency-Key': key })));
    expect({ field, status: res.status, paths: res.body.details?.map((d) => d.path) }).toEqual({ field, status, paths: [field] });
    await expect(f.h.client.workflow.getHandle(tipWorkflowId(`${f.c.provinceCode}-tax-staff.${key}`)).describe()).rejects.toThrow();
  }
});

test('a tip that slips past the edge fails its workflow at once, with the reason, instead of retrying for ever', async () => {
  const id = `slipped-${randomUUID()}`;
  const handle = await f.h.client.workflow.start('tipIntakeWorkflow', { taskQueue: f.h.taskQueue, workflowId: tipWorkflowId(id), args: [{ ...tip, text: 'abc\u0000def', id, recordedBy: 'test@example.org' }] });
  const failure = await handle.result().then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(failure).toBeInstanceOf(WorkflowFailedError);
  const cause = (failure as WorkflowFailedError).cause?.cause;
  expect(cause).toBeInstanceOf(ApplicationFailure);
  expect(cause).toMatchObject({ type: 'UnstorableInput', nonRetryable: true });
  expect(await f.h.prisma.tip.count({ where: { id } })).toBe(0);
});

test('NUL in a path or query parameter, an assignee or an imported cell is a 4xx that names it, never a 500', async () => {
  const miit = f.h.as(f.h.tokens.miit);
  for (const path of ['/tasks?caseId=%00', '/tips/%00', '/reports/%00', '/enterprises?province=%00', '/cases?campaignId=%00', '/templates/annex1.xlsx?campaign=%00', `/cases/${encodeURIComponent(`${f.c.caseId}\u0000`)}`]) {
    const res = await answer(await miit(path));
    expect({ path, status: res.status, message: res.body.details?.[0]?.message }).toEqual({ path, status: 400, message: expect.stringContaining(nul) });
  }
  const assign = await answer(await f.h.as(f.h.tokens[`${f.c.provinceCode}-tax-agencyHead`])(`${taskPath(f.c.tasks.tax)}/assign`, json({ staffId: 'x\u0000' })));
  expect(assign.status).toBe(400);
  expect(assign.body.details).toEqual([{ path: 'staffId', message: expect.stringContaining(nul) }]);

  const enterprise = await f.h.prisma.enterprise.findUniqueOrThrow({ where: { code: f.c.enterpriseCode } });
  const cells = { code: enterprise.code, name: `${enterprise.name}\u0000`, province: enterprise.provinceName, address: '某市某路1号', legalRepresentative: '张三', phone: '0797-8123456', contact: '李四', contactTitle: '主任', mobile: '13907971234', types: '贸易' };
  const file = JSON.stringify({ enterprises: [Object.fromEntries(layout.enterprises.columns.map((col) => [col.key, cells[col.key as keyof typeof cells] ?? null]))] });
  const imported = await answer(await miit('/imports?fileName=list.json&dryRun=true', { method: 'POST', headers: { 'content-type': 'application/json' }, body: file }));
  expect(imported.status).toBe(422);
  expect(imported.body.details).toContainEqual(expect.objectContaining({ sheet: 'enterprises', row: 1, column: 'name', reason: expect.objectContaining({ en: nul }) }));
});

test('an Idempotency-Key reused for a different request answers 422; the same request again gets the first result', async () => {
  const tipKey = `tip-${randomUUID()}`;
  const first = await staff('tax')('/tips', json(tip, { 'Idempotency-Key': tipKey }));
  expect(first.status).toBe(201);
  const firstTip = await first.json();
  // The same instant in another offset is the same tip.
  const again = await staff('tax')('/tips', json({ ...tip, receivedAt: '2014-10-12T01:00:00Z' }, { 'Idempotency-Key': tipKey }));
  expect({ status: again.status, body: await again.json() }).toEqual({ status: 201, body: firstTip });
  const changed = await answer(await staff('tax')('/tips', json({ ...tip, text: 'a changed retry' }, { 'Idempotency-Key': tipKey })));
  expect(changed.status).toBe(422);
  expect(changed.body.error).toContain('already used for a different request');
  expect((await f.h.prisma.tip.findUniqueOrThrow({ where: { id: `${f.c.provinceCode}-tax-staff.${tipKey}` } })).text).toBe(tip.text);

  // A task of a third agency, still open: tax and industry have had theirs completed above.
  const [agency, taskKey] = Object.entries(f.c.tasks).find(([a]) => a !== 'tax' && a !== 'industry')!;
  const completeKey = `complete-${randomUUID()}`;
  const completed = await staff(agency)(`${taskPath(taskKey)}/complete`, json({ completion: { findings: [] } }, { 'Idempotency-Key': completeKey }));
  expect(completed.status).toBe(200);
  const result = await completed.json();
  const retried = await staff(agency)(`${taskPath(taskKey)}/complete`, json({ completion: { findings: [] } }, { 'Idempotency-Key': completeKey }));
  expect({ status: retried.status, body: await retried.json() }).toEqual({ status: 200, body: result });
  const otherBody = await staff(agency)(`${taskPath(taskKey)}/complete`, json({ completion: { findings: [], note: 'another' } }, { 'Idempotency-Key': completeKey }));
  expect(otherBody.status).toBe(422);
  const otherTask = await staff('tax')(`${taskPath(f.c.tasks.tax)}/complete`, json({ completion: { findings: [] } }, { 'Idempotency-Key': completeKey }));
  // The tax staff's key is their own: a 409 from the completed task, not the 422 of someone else's key.
  expect(otherTask.status).toBe(409);

  expect(await retryingActivities(f.h.client, f.h.taskQueue)).toEqual([]);
});
