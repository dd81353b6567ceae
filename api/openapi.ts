import { z } from 'zod';
import { auditOperations } from './audit';
import { campaignOperations } from './campaigns';
import { caseOperations } from './cases';
import { directoryOperations } from './directory';
import { docsOperations } from './docs';
import { enterpriseOperations } from './enterprises';
import { eventOperations } from './events';
import { healthOperations } from './health';
import { importOperations } from './imports';
import type { Operation, Reply } from './operation';
import { ErrorBody, error } from './operation';
import { dashboardOperations } from './dashboard';
import { reportOperations } from './reports';
import { savedFilterOperations } from './savedFilters';
import { taskOperations } from './tasks';
import { oidcOperations } from './oidc';
import { signInOperations } from './signIn';
import { referralOperations } from './referrals';
import { tipOperations } from './tips';
import { typicalCaseOperations } from './typicalCases';
import { jointInspectionOperations } from './jointInspections';
import { tokenOperations } from './tokens';

const groups: Record<string, Record<string, Operation>> = {
  docs: docsOperations,
  health: healthOperations,
  signIn: signInOperations,
  oidc: oidcOperations,
  tokens: tokenOperations,
  tips: tipOperations,
  referrals: referralOperations,
  typicalCases: typicalCaseOperations,
  jointInspections: jointInspectionOperations,
  enterprises: enterpriseOperations,
  imports: importOperations,
  campaigns: campaignOperations,
  cases: caseOperations,
  tasks: taskOperations,
  savedFilters: savedFilterOperations,
  events: eventOperations,
  reports: reportOperations,
  dashboard: dashboardOperations,
  directory: directoryOperations,
  audit: auditOperations,
};

/** Every operation the API serves, in the order /docs lists them, with its operationId. */
export const operations: readonly (Operation & { id: string })[] = Object.entries(groups).flatMap(([group, ops]) =>
  Object.entries(ops).map(([name, op]) => ({ ...op, id: `${group}.${name}` })),
);

/** `/tasks/:key` → `/tasks/{key}` */
export const openApiPath = (expressPath: string) => expressPath.replace(/:(\w+)/g, '{$1}');

function jsonSchema(schema: z.ZodType): object {
  // `unrepresentable: 'any'`: a refinement the schema cannot state is still checked by the route (400).
  const generated = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  delete generated.$schema;
  return generated;
}

function parameters(op: Operation) {
  const of = (where: 'path' | 'query' | 'header', shape: z.ZodObject | undefined) =>
    Object.entries(shape?.shape ?? {}).map(([name, field]) => {
      const schema = jsonSchema(field as z.ZodType) as { description?: string };
      return {
        name,
        in: where,
        required: where === 'path' || !(field as z.ZodType).safeParse(undefined).success,
        ...(schema.description ? { description: schema.description } : {}),
        schema,
      };
    });
  return [...of('path', op.params), ...of('query', op.query), ...of('header', op.headers)];
}

/** A file is any bytes, a JSON file any JSON. */
const fileSchema = (mediaType: string) => (mediaType === 'application/json' ? {} : { type: 'string', format: 'binary' });

function reply({ description, schema, mediaTypes, headers }: Reply) {
  const content = schema
    ? { 'application/json': { schema: jsonSchema(schema) } }
    : mediaTypes
      ? Object.fromEntries(mediaTypes.map((type) => [type, { schema: fileSchema(type) }]))
      : undefined;
  return { description, ...(headers ? { headers } : {}), ...(content ? { content } : {}) };
}

function responses(op: Operation) {
  const all: Record<number, Reply> = {};
  if (op.params || op.query || op.headers || op.body) all[400] = error('the request does not fit this document; `details` says where');
  if (!op.public) all[401] = error('no API token or session, or one that is unknown, expired, revoked or of a disabled person');
  if (op.body && 'schema' in op.body) all[413] = error('the body is over 1 MB');
  Object.assign(all, op.responses);
  return Object.fromEntries(Object.entries(all).map(([status, r]) => [status, reply(r)]));
}

function requestBody(op: Operation) {
  if (!op.body) return undefined;
  if ('schema' in op.body) return { required: true, content: { 'application/json': { schema: jsonSchema(op.body.schema), example: op.body.example } } };
  return { required: true, description: op.body.description, content: Object.fromEntries(op.body.mediaTypes.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])) };
}

/** The OpenAPI 3.1 document served at /openapi.json, generated from the operations' zod schemas. */
export function openApiDocument(): object {
  const paths: Record<string, Record<string, object>> = {};
  for (const op of operations) {
    const body = requestBody(op);
    (paths[openApiPath(op.path)] ??= {})[op.method] = {
      operationId: op.id,
      tags: [op.tag],
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      ...(op.public ? { security: [] } : {}),
      parameters: parameters(op),
      ...(body ? { requestBody: body } : {}),
      responses: responses(op),
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: '打击稀土违法违规行为专项行动 — campaign API',
      version: '0.1.0',
      description: 'Every route but the health probes, sign-in and this documentation needs a credential of a member of staff: an API token (`Authorization: Bearer <token>`, Authorize above) or the session cookie that `POST /auth/sign-in` sets, whose writes also send `X-CSRF-Token`. Errors are JSON `{ error, details? }`: 400 when a request does not fit this document, 422 when it fits but breaks a rule a schema cannot state.',
    },
    security: [{ bearer: [] }, { session: [] }],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'An API token (POST /auth/tokens; the demo directory prints its own at start-up).' },
        session: { type: 'apiKey', in: 'cookie', name: 'campaign-session', description: 'The session cookie of POST /auth/sign-in (`__Host-campaign-session` over https); writes also send X-CSRF-Token.' },
      },
      schemas: { Error: jsonSchema(ErrorBody) },
    },
    paths,
  };
}
