import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';
import helmet from 'helmet';
import { projectRoot } from '../platform/projectRoot';
import { HttpError } from './errors';

/** Where `npm run build` puts the browser application (web/vite.config.mts). */
export const webBuildDir = () => path.join(projectRoot(), 'dist', 'web');

/** The placeholder web/vite.config.mts's `html.cspNonce` writes on every tag. */
const NONCE_PLACEHOLDER = 'CSP_NONCE_PLACEHOLDER';

/**
 * The page's policy: the strict one of the API plus its own scripts and calls. antd writes its
 * styles as <style> elements at run time (CSS-in-JS): rather than 'unsafe-inline', each response
 * gets a fresh nonce, which the page hands to antd (web/src/language.tsx). Style attributes that
 * React sets go through the CSSOM, which style-src does not govern.
 */
const pagePolicy = helmet.contentSecurityPolicy({
  useDefaults: false,
  directives: {
    defaultSrc: ["'none'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", (_req, res) => `'nonce-${(res as express.Response).locals.cspNonce as string}'`],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    baseUri: ["'none'"],
  },
});

/** The browser application's pages: every one answers the same index, and none is in the API's document. */
export const webPagePaths = ['/', '/ui', '/ui/*path'];

/**
 * The web inbox at `/` and under /ui (its own paths, clear of the API's): public like the
 * sign-in page, since the page itself holds nothing; its calls carry the session. The index is
 * read once; `oidc` tells the sign-in page whether to offer the identity provider.
 */
export function webAppRoutes(options: { oidc: boolean; dir?: string }): Router {
  const dir = options.dir ?? webBuildDir();
  const router = Router();
  const indexFile = path.join(dir, 'index.html');
  const index = fs.existsSync(indexFile)
    ? fs.readFileSync(indexFile, 'utf8').replace('</head>', `<meta name="campaign-oidc" content="${options.oidc ? 'on' : 'off'}">\n</head>`)
    : undefined;
  // Hashed names: a file never changes under its name. A missing one is a 404 here, not a 401 of authentication.
  router.use('/ui/assets', express.static(path.join(dir, 'assets'), { immutable: true, maxAge: '365d', index: false }), (req, _res, next) =>
    next(new HttpError(404, `no such file of the web application: ${req.path}`)),
  );
  router.get(webPagePaths, (_req, res, next) => {
    if (!index) return void res.status(503).type('text').send('the web application is not built: run npm run build');
    res.locals.cspNonce = randomBytes(16).toString('base64');
    pagePolicy(_req, res, (err?: unknown) => {
      if (err) return next(err);
      res.set('Cache-Control', 'no-store').type('html').send(index.replaceAll(NONCE_PLACEHOLDER, res.locals.cspNonce as string));
    });
  });
  return router;
}
