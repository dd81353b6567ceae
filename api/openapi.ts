import { z } from 'zod';
import { CampaignCalendar } from '../domain/campaignClock';
import { DispositionCode } from '../domain/caseCatalogue';
import { AcceptanceCompletion, DispositionCompletion, HandlingPlan, VerificationCompletion, mustStateOf } from '../domain/caseWork';
import { EnterpriseType } from '../domain/enums';
import { ReportFormat, ReportKind } from '../domain/reportKinds';
import { TipSubmission } from '../domain/tip';
import { XLSX_TYPE } from './imports';
import { AssignBody } from './tasks';

const json = (schema: z.ZodType) => ({ 'application/json': { schema: z.toJSONSchema(schema, { io: 'input' }) } });
const ErrorBody = z.object({ error: z.string(), details: z.array(z.object({ path: z.string(), message: z.string() })).optional() });
const error = (description: string) => ({ description, content: json(ErrorBody) });

const dispositionRequirementsText = DispositionCode.options.map((code) => `- ${code}: ${mustStateOf(code).map((f) => f.field).join(', ')}`).join('\n');

const Label = z.object({ zh: z.string(), en: z.string() });
const ImportProblems = z.object({
  error: z.string(),
  details: z.array(z.object({ sheet: z.string().optional(), row: z.number().optional(), column: z.string().optional(), value: z.string().optional(), reason: Label })),
});

/** The OpenAPI document served at /openapi.json, built from the same zod schemas the routes use. */
export function openApiDocument(): object {
  return {
    openapi: '3.1.0',
    info: { title: '打击稀土违法违规行为专项行动 — campaign API', version: '0.1.0' },
    paths: {
      '/healthz': { get: { summary: 'Liveness', responses: { 200: { description: 'alive' } } } },
      '/readyz': {
        get: {
          summary: 'Readiness: PostgreSQL and Temporal answer',
          responses: { 200: { description: 'ready' }, 503: { description: 'a dependency is down; the body names it' } },
        },
      },
      '/tips': {
        post: {
          summary: 'Submit a tip-off (举报线索)',
          parameters: [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', minLength: 8, maxLength: 100 } }],
          requestBody: { required: true, content: json(TipSubmission) },
          responses: { 201: { description: 'recorded' }, 400: error('invalid tip') },
        },
      },
      '/enterprises': {
        get: {
          summary: 'The enterprise register (annex 1), paginated',
          parameters: [
            { name: 'province', in: 'query', schema: { type: 'string' } },
            { name: 'type', in: 'query', schema: z.toJSONSchema(EnterpriseType) },
            { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1, default: 1 } },
            { name: 'pageSize', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 500, default: 50 } },
          ],
          responses: { 200: { description: '{ items, page, pageSize, total }' }, 400: error('invalid query') },
        },
      },
      '/enterprises/{code}': {
        get: {
          summary: "An enterprise's production-and-operation archive (生产经营档案)",
          parameters: [
            { name: 'code', in: 'path', required: true, schema: { type: 'string', description: '统一社会信用代码' } },
            { name: 'asOf', in: 'query', schema: { type: 'string', format: 'date', description: 'day on which papers are judged valid; today by default' } },
            { name: 'ledgerPage', in: 'query', schema: { type: 'integer', minimum: 1, default: 1 } },
            { name: 'ledgerPageSize', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 1000, default: 200 } },
          ],
          responses: { 200: { description: 'the archive' }, 400: error('malformed code or query'), 404: error('no such enterprise') },
        },
      },
      '/enterprises/{code}/checks': {
        get: {
          summary: "The rule checks' answers to annex 3's questions, with evidence, over a review window",
          parameters: [
            { name: 'code', in: 'path', required: true, schema: { type: 'string' } },
            { name: 'from', in: 'query', schema: { type: 'string', format: 'date', default: '2013-06-01' } },
            { name: 'to', in: 'query', schema: { type: 'string', format: 'date', default: '2014-07-31' } },
          ],
          responses: { 200: { description: 'annex 3 answers, other checks and finding codes' }, 400: error('malformed code or window'), 404: error('no such enterprise') },
        },
      },
      '/enterprises/{code}/versions/{version}': {
        get: {
          summary: 'What one import said about an enterprise (kept after later corrections)',
          parameters: [
            { name: 'code', in: 'path', required: true, schema: { type: 'string' } },
            { name: 'version', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } },
          ],
          responses: { 200: { description: 'the snapshot' }, 404: error('no such version') },
        },
      },
      '/templates/{file}': {
        get: {
          summary: 'A blank annex 1 (enterprise list) or annex 2 (full form) template, with drop-down lists',
          parameters: [
            { name: 'file', in: 'path', required: true, schema: { type: 'string', enum: ['annex1.xlsx', 'annex2.xlsx'] } },
            { name: 'campaign', in: 'query', description: "whose review window the month list offers; the 2014 one by default", schema: { type: 'string' } },
          ],
          responses: { 200: { description: 'the workbook', content: { [XLSX_TYPE]: {} } }, 400: error('no such template'), 404: error('no such campaign') },
        },
      },
      '/imports': {
        post: {
          summary: 'Import a filled-in template (.xlsx, CSV or JSON; the content decides): all or nothing, idempotent by credit code',
          description:
            'The industry department and the provincial coordinator of a province import its enterprises; MIIT any. A file with problems answers 422 and `details` lists every one by sheet, row, column and value, with the reason in Chinese and English; nothing is written. An unchanged enterprise is left alone; a changed one gets a new version and keeps the old.',
          parameters: [
            { name: 'fileName', in: 'query', schema: { type: 'string', default: 'upload' } },
            { name: 'dryRun', in: 'query', schema: { type: 'boolean', default: false } },
            { name: 'campaign', in: 'query', description: 'check months against this campaign’s review window', schema: { type: 'string' } },
          ],
          requestBody: { required: true, content: { [XLSX_TYPE]: {}, 'text/csv': {}, 'application/json': {}, 'application/octet-stream': {} } },
          responses: {
            200: { description: 'imported: kind, rows per sheet, created / changed / unchanged credit codes, rowsWritten' },
            403: error('not allowed to submit records, or for a province not yours'),
            404: error('no such campaign'),
            413: error('over 20 MB'),
            422: { description: 'the problems; nothing was written', content: json(ImportProblems) },
          },
        },
      },
      '/campaigns': {
        post: {
          summary: 'Start a campaign: one campaign workflow per province, one case per listed enterprise (MIIT, or a coordinator for their province)',
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['id', 'name', 'provinces'],
                  properties: {
                    id: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{2,40}$' },
                    name: { type: 'string' },
                    provinces: { type: 'array', items: { type: 'string' } },
                    calendar: z.toJSONSchema(CampaignCalendar, { io: 'input' }),
                    daysPerSecond: { type: 'number', description: 'campaign days per real second (demos); real time when absent' },
                    enterprises: { type: 'array', items: { type: 'string' }, description: 'credit codes; every enterprise of the provinces by default' },
                  },
                },
              },
            },
          },
          responses: {
            200: { description: 'the campaign as recorded: the same request again' },
            201: { description: 'started' },
            400: error('invalid campaign, unknown province or enterprise'),
            403: error('not a coordinator of these provinces, or a national campaign MIIT has not created'),
            409: error('the id exists with other settings: details lists them'),
          },
        },
      },
      '/campaigns/{id}/provinces/{province}': {
        get: { summary: 'Progress of a campaign in a province: phase, cases, events, task counts', responses: { 200: { description: 'progress' }, 404: error('no such campaign in your scope') } },
      },
      '/campaigns/{id}/provinces/{province}/enterprises': {
        post: { summary: 'Add an enterprise on file to a running campaign (coordinators)', responses: { 200: { description: 'already listed' }, 201: { description: 'case started' }, 403: error('not a coordinator'), 404: error('unknown enterprise or campaign'), 409: error('the campaign has closed') } },
      },
      '/campaigns/{id}/provinces/{province}/cases/{code}/supervise': {
        post: { summary: '挂牌督办: put a case under supervision (MIIT)', responses: { 202: { description: 'supervised' }, 403: error('MIIT only'), 404: error('no such campaign or case'), 409: error('the campaign has closed') } },
      },
      '/cases': {
        get: { summary: 'Cases in your scope, from Temporal visibility (filters campaignId, province)', responses: { 200: { description: '{ items }' } } },
      },
      '/cases/{caseId}': {
        get: { summary: "A case's tasks and timeline (caseId URL-encoded)", responses: { 200: { description: 'the case' }, 404: error('no such case in your scope') } },
      },
      '/tasks': {
        get: {
          summary: 'Tasks in your scope, soonest due first',
          parameters: [
            { name: 'status', in: 'query', schema: { type: 'string', enum: ['open', 'completed', 'cancelled'] } },
            { name: 'overdue', in: 'query', schema: { type: 'boolean' } },
            { name: 'caseId', in: 'query', schema: { type: 'string' } },
            { name: 'assignee', in: 'query', schema: { type: 'string', enum: ['me'] }, description: 'only tasks assigned to the caller' },
            { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1 } },
            { name: 'pageSize', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 500 } },
          ],
          responses: { 200: { description: '{ items, page, pageSize, total }' } },
        },
      },
      '/tasks/{key}': {
        get: { summary: 'A task with its evidence and case context (key URL-encoded)', responses: { 200: { description: 'the task' }, 404: error('no such task in your scope') } },
      },
      '/tasks/{key}/complete': {
        post: {
          summary: 'Complete a task; the completion is validated by the schema of its kind (verification, handlingPlan, disposition, acceptance)',
          description: `A disposition's completion must state, besides the shape below, what its measure requires (the task's evidence lists it as mustState):\n${dispositionRequirementsText}`,
          parameters: [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', minLength: 8, maxLength: 100 } }],
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['completion'],
                  properties: {
                    completion: {
                      oneOf: [VerificationCompletion, HandlingPlan, DispositionCompletion, AcceptanceCompletion].map((schema) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' })),
                    },
                  },
                },
              },
            },
          },
          responses: {
            200: { description: 'completed (or, for a repeated Idempotency-Key, the first result)' },
            400: error('invalid completion'),
            403: error('you may see but not complete this task'),
            404: error('no such task in your scope'),
            409: error('the task is already completed or cancelled'),
          },
        },
      },
      '/tasks/{key}/assign': {
        post: {
          summary: "Assign a task to one of its agency's staff, or unassign it with null (the agency head, the provincial coordinator, MIIT); its reminder then goes to the assignee",
          parameters: [{ name: 'key', in: 'path', required: true, schema: { type: 'string' }, description: 'URL-encoded' }],
          requestBody: { required: true, content: json(AssignBody) },
          responses: {
            200: { description: 'the task, with its assignee' },
            400: error("invalid body, or the assignee is not staff or the head of the task's agency in its province"),
            403: error('you may see but not assign this task'),
            404: error('no such task in your scope'),
            409: error('the task is already completed or cancelled'),
          },
        },
      },
      '/tasks/{key}/cancel': {
        post: {
          summary: 'Withdraw a task issued in error (the provincial coordinator, MIIT): its escalation ladder stops and the case goes on without it; a later completion answers 409',
          parameters: [
            { name: 'key', in: 'path', required: true, schema: { type: 'string' }, description: 'URL-encoded' },
            { name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', minLength: 8, maxLength: 100 } },
          ],
          requestBody: { required: true, content: json(z.object({ reason: z.string().min(1).max(500) })) },
          responses: {
            200: { description: '{ taskKey, cancelledAt, cancelledBy }' },
            400: error('no reason given'),
            403: error('you may see but not cancel this task'),
            404: error('no such task in your scope'),
            409: error('the task is already completed or cancelled'),
          },
        },
      },
      '/reports': {
        get: {
          summary: 'Reports to MIIT, newest first (provincial coordinators: their province; MIIT: all, and the national roll-up)',
          parameters: [
            { name: 'campaign', in: 'query', schema: { type: 'string' } },
            { name: 'province', in: 'query', schema: { type: 'string' } },
            { name: 'kind', in: 'query', schema: z.toJSONSchema(ReportKind) },
            { name: 'draft', in: 'query', schema: { type: 'boolean' } },
            { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1, default: 1 } },
            { name: 'pageSize', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 500, default: 50 } },
          ],
          responses: { 200: { description: 'id, kind, title, boundary (null for a draft), openTasks, files per format' }, 403: error('not a coordinator') },
        },
      },
      '/reports/{id}': {
        get: {
          summary: 'One report (ids contain /: URL-encode them)',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { 200: { description: 'the report' }, 404: error('no such report, or not yours') },
        },
      },
      '/reports/{id}/{format}': {
        get: {
          summary: 'Download a report: XLSX in the official layout, its PDF, CSV, JSON, or a printable HTML page',
          parameters: [
            { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
            { name: 'format', in: 'path', required: true, schema: z.toJSONSchema(ReportFormat) },
          ],
          responses: { 200: { description: 'the file' }, 400: error('unknown format'), 404: error('no such report, or not yours, or no PDF (no PDF engine when it was generated)') },
        },
      },
      '/campaigns/{id}/provinces/{province}/reports': {
        post: {
          summary: "Draft a provincial report now, from the current state (the province's coordinator, or MIIT); kept beside the boundary reports",
          parameters: [
            { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
            { name: 'province', in: 'path', required: true, schema: { type: 'string' } },
          ],
          requestBody: { required: true, content: json(z.object({ kind: ReportKind })) },
          responses: { 201: { description: 'the draft' }, 400: error('unknown kind, or the national roll-up'), 403: error('not a coordinator'), 404: error('no such campaign') },
        },
      },
      '/campaigns/{id}/reports': {
        post: {
          summary: 'Draft the national roll-up over every province of the campaign (MIIT)',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          requestBody: { required: true, content: json(z.object({ kind: z.literal('nationalSummary') })) },
          responses: { 201: { description: 'the draft' }, 400: error('a provincial kind'), 403: error('not MIIT'), 404: error('no such campaign') },
        },
      },
      '/tips/{id}': {
        get: {
          summary: 'A recorded tip',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { 200: { description: 'the tip' }, 404: error('no such tip') },
        },
      },
    },
  };
}
