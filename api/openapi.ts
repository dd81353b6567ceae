import { z } from 'zod';
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
