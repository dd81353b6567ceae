import express, { Router } from 'express';
import { getAbsoluteFSPath } from 'swagger-ui-dist';
import { z } from 'zod';
import type { Operation } from './operation';

/** The OpenAPI document and the page to try it: public, like the health probes. */
export const docsOperations = {
  document: {
    method: 'get',
    path: '/openapi.json',
    tag: 'documentation',
    summary: 'This document (OpenAPI 3.1)',
    public: true,
    responses: { 200: { description: 'the document', schema: z.object({ openapi: z.string(), paths: z.record(z.string(), z.unknown()) }) } },
  },
  page: {
    method: 'get',
    path: '/docs',
    tag: 'documentation',
    summary: 'Swagger UI on this document: paste a bearer token under Authorize, then try any route',
    public: true,
    responses: { 200: { description: 'the page', mediaTypes: ['text/html'] } },
  },
} satisfies Record<string, Operation>;

/** Only what the page loads: the bundle's own index.html and initializer point at the petstore. */
const ASSETS = new Set(['swagger-ui.css', 'index.css', 'swagger-ui-bundle.js', 'swagger-ui-standalone-preset.js', 'favicon-32x32.png', 'favicon-16x16.png']);

// No inline script, so a strict Content-Security-Policy (script-src 'self') can be set on it.
const PAGE = `<!DOCTYPE html>
<html lang="zh-CN">
  <head>
    <meta charset="UTF-8">
    <title>打击稀土违法违规行为专项行动 — API</title>
    <link rel="stylesheet" href="/docs/swagger-ui.css">
    <link rel="stylesheet" href="/docs/index.css">
    <link rel="icon" type="image/png" href="/docs/favicon-32x32.png" sizes="32x32">
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="/docs/swagger-ui-bundle.js" charset="UTF-8"></script>
    <script src="/docs/swagger-ui-standalone-preset.js" charset="UTF-8"></script>
    <script src="/docs/initializer.js" charset="UTF-8"></script>
  </body>
</html>
`;

const INITIALIZER = `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: '/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    persistAuthorization: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    layout: 'StandaloneLayout',
  });
});
`;

export function docsRoutes(document: object): Router {
  const router = Router();
  const assets = express.static(getAbsoluteFSPath(), { index: false, fallthrough: true });
  router.get(docsOperations.document.path, (_req, res) => {
    res.json(document);
  });
  router.get(docsOperations.page.path, (_req, res) => {
    res.type('html').send(PAGE);
  });
  // The page's files are not operations of the API: middleware, not routes, so not in the document.
  router.use('/docs', (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (req.path === '/initializer.js') return void res.type('js').send(INITIALIZER);
    if (ASSETS.has(req.path.slice(1))) return assets(req, res, next);
    next();
  });
  return router;
}
