import type { RequestHandler } from 'express';
import { signInLabels } from '../domain/labels';

/** The one stylesheet of the sign-in pages: a file, since their Content-Security-Policy allows no inline style. */
const STYLESHEET = `body { font-family: "Noto Sans CJK SC", "Noto Sans", sans-serif; max-width: 28rem; margin: 3rem auto; padding: 0 1rem; color: #1f2328; }
h1 { font-size: 1.4rem; } h1 small { display: block; font-size: .9rem; color: #59636e; font-weight: normal; }
label { display: block; margin: 1rem 0 .3rem; } label span { color: #59636e; }
input { display: block; width: 100%; box-sizing: border-box; padding: .5rem; margin-top: .3rem; font-size: 1rem; }
button { margin-top: 1.2rem; padding: .5rem 1.2rem; font-size: 1rem; }
.problem { color: #b42318; border-left: 3px solid #b42318; padding-left: .6rem; } .hint { color: #59636e; font-size: .9rem; }
`;

export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A small page of the sign-in flow, in Chinese first, with no script and no inline style. */
export function htmlPage(title: { zh: string; en: string }, body: string): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head><meta charset="UTF-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title.zh)} / ${escapeHtml(title.en)}</title><link rel="stylesheet" href="/assets/page.css"></head>
<body>
<h1>${escapeHtml(title.zh)}<small>${escapeHtml(title.en)} · ${escapeHtml(signInLabels.systemName.zh)}</small></h1>
${body}
</body>
</html>
`;
}

/** The pages' files are not operations of the API: middleware, not routes, as /docs serves its own. */
export function pageAssets(): RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (req.path === '/assets/page.css') return void res.type('css').set('Cache-Control', 'public, max-age=3600').send(STYLESHEET);
    // Browsers ask for it on every page: nothing, rather than a 401 in their console.
    if (req.path === '/favicon.ico') return void res.set('Cache-Control', 'public, max-age=86400').status(204).end();
    next();
  };
}
