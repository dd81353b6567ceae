import { z } from 'zod';
import { EnterpriseType } from '../domain/enums';
import { TipSubmission } from '../domain/tip';

const json = (schema: z.ZodType) => ({ 'application/json': { schema: z.toJSONSchema(schema, { io: 'input' }) } });
const ErrorBody = z.object({ error: z.string(), details: z.array(z.object({ path: z.string(), message: z.string() })).optional() });
const error = (description: string) => ({ description, content: json(ErrorBody) });

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
