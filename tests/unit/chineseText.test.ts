import fs from 'node:fs';
import path from 'node:path';

/**
 * Chinese text shown to people (emails, task titles, timeline entries, report wording) comes from
 * the label table or the catalogue, so the plan's wording lives in one place. This walks every
 * source folder for Chinese written anywhere else (comments aside). The files below may hold it,
 * each for its reason; a new one needs a reason here, or its words belong in domain/labels/.
 */
const allowed: { readonly path: string; readonly why: string }[] = [
  { path: 'domain/labels/', why: 'the label table' },
  { path: 'domain/catalogue/', why: "the catalogue: the plan's violations, measures and escalation steps in its own words" },
  { path: 'intake/', why: "the annex forms' layout and templates, and the import's problem messages, each Chinese beside its English where it is raised (intake/README.md)" },
  { path: 'domain/provinces.ts', why: 'the GB/T 2260 province names: data' },
  { path: 'scripts/bench-inbox.ts', why: 'the benchmark names the province it fills (data, as in the tests); to read it from domain/provinces.ts' },
  { path: 'web/src/pages/TaskPage.tsx', why: 'punctuation in the task page layout; to move into web/src/locale.ts' },
  { path: 'domain/campaign/province.ts', why: 'the suffixes (省, 自治区 …) by which imported province names are read' },
  { path: 'generator/', why: "fictional demo data: enterprises' names, papers, products" },
  { path: 'domain/storable.ts', why: "the stored-text check's message, Chinese beside its English" },
  { path: 'domain/tip.ts', why: "the tip's check messages, Chinese beside their English" },
  { path: 'domain/campaign/creditCode.ts', why: "the credit code's check message, Chinese beside its English as the catalogue's messages are" },
  { path: 'api/', why: "OpenAPI descriptions and examples (a province, a campaign's name, a tip) and the HTTP errors' messages, Chinese beside their English" },
  { path: 'scripts/lib/autopilot.ts', why: 'what the simulated staff write into their completions (document numbers, a note)' },
  { path: 'scripts/lib/demoCampaign.ts', why: "the demo campaign's name and the province its links show" },
  { path: 'scripts/start.ts', why: 'the demo province whose tokens the banner prints' },
  { path: 'scripts/chaos.ts', why: "the probe tip's text" },
  { path: 'web/src/deskLocale.ts', why: "the coordinators' desk's own words, as web/src/locale.ts, in a module of their own so they load with the desk's pages" },
  { path: 'web/src/coordinationLocale.ts', why: "the referrals-and-tips page's own words, as web/src/locale.ts, in a module of their own so they load with that page" },
  { path: 'web/src/taskLocale.ts', why: "a task page's and its forms' own words, as web/src/locale.ts, in a module of their own so they load with the task page" },
  { path: 'web/src/locale.ts', why: "the web application's own words (buttons, headings, hints), Chinese beside their English; the plan's come from the label table" },
];

const root = path.join(__dirname, '..', '..');
/** Not source: dependencies, build output, data, tools, tests (their Chinese is test data), docs. */
const skipped = new Set(['node_modules', 'dist', 'data', '.tools', '.git', 'coverage', 'test-artefacts', '.schemathesis', 'tests', 'docs']);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (skipped.has(entry.name)) return [];
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|js|cjs|mjs|mts)$/.test(entry.name) ? [path.relative(root, full).split(path.sep).join('/')] : [];
  });
}

const covers = (a: { path: string }, file: string) => (a.path.endsWith('/') ? file.startsWith(a.path) || file.includes(`/${a.path}`) : file === a.path);
const chineseIn = (file: string) =>
  fs
    .readFileSync(path.join(root, file), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '')
    .match(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+/g) ?? [];

const files = sourceFiles(root);

test('the walk finds the source folders', () => {
  for (const folder of ['activities/', 'api/', 'domain/', 'intake/', 'platform/', 'reports/', 'scripts/', 'store/', 'worker/', 'workflows/']) {
    expect(files.some((f) => f.startsWith(folder))).toBe(true);
  }
});

test('no Chinese text is written outside the label table, the catalogue and the files allowed for a reason', () => {
  const written = files.filter((f) => !allowed.some((a) => covers(a, f))).map((file) => ({ file, chinese: chineseIn(file) }));
  expect(written.filter((w) => w.chinese.length > 0)).toEqual([]);
});

test('every allowance is still needed', () => {
  const unneeded = allowed.filter((a) => !files.some((f) => covers(a, f) && chineseIn(f).length > 0));
  expect(unneeded).toEqual([]);
});
