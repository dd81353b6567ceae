import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { generateCampaign } from '../../demo/generator';
import { checkAll } from '../../domain/rules';
import { convertWithLibreOffice, findOrInstallLibreOffice, libreOfficePdfRenderer } from '../../platform/libreOffice';
import { createLogger } from '../../platform/logger';
import { renderReport, ruleAnswersOf } from '../../reports';
import { stampPdf } from '../../reports/pdfStamp';

describe('finding LibreOffice', () => {
  test('when no route works, the error names every route tried and why', async () => {
    const savedPath = process.env.PATH;
    process.env.PATH = '';
    try {
      const error = await findOrInstallLibreOffice({ configuredPath: '/nonexistent/soffice' }).then(
        () => undefined,
        (e: unknown) => e as Error,
      );
      expect(error?.message).toContain('Could not find or install LibreOffice (soffice)');
      expect(error?.message).toContain('1. LIBREOFFICE_BIN: /nonexistent/soffice is not an executable file');
      expect(error?.message).toContain('2. `soffice` on PATH: neither soffice nor libreoffice is on PATH');
      expect(error?.message).toContain('3. apt-get install libreoffice-calc-nogui fonts-noto-cjk: apt-get is not on PATH');
      expect(error?.message).toContain('set LIBREOFFICE_BIN');
    } finally {
      process.env.PATH = savedPath;
    }
  });

  test('a binary that runs is found, and a conversion of a file it cannot read says so', async () => {
    const soffice = await findOrInstallLibreOffice();
    expect(fs.existsSync(soffice)).toBe(true);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lo-test-'));
    try {
      const input = path.join(dir, 'broken.xlsx');
      fs.writeFileSync(input, 'not a workbook');
      await expect(convertWithLibreOffice(input, 'pdf', { outDir: path.join(dir, 'out'), soffice })).rejects.toThrow(/LibreOffice wrote no|Command failed/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the PDF engine', () => {
  const log = createLogger('test-pdf', 'silent');

  test('without LibreOffice there is no engine (reports come without PDF), not a failure', async () => {
    const savedPath = process.env.PATH;
    process.env.PATH = '';
    try {
      await expect(libreOfficePdfRenderer(log, { configuredPath: '/nonexistent/soffice' })).resolves.toBeUndefined();
    } finally {
      process.env.PATH = savedPath;
    }
  });

  test('annex 3 prints as A4 landscape pages with the province and page numbers, byte-identical when printed again', async () => {
    const campaign = generateCampaign({ seed: 11, enterprises: 120 });
    const province = campaign.dataset.dossiers[0].enterprise.province;
    const dossiers = campaign.dataset.dossiers.filter((d) => d.enterprise.province === province);
    const data = {
      campaign: { id: 'pdf', name: 'PDF 测试专项行动', reviewWindow: campaign.window },
      province,
      enterprises: dossiers.map((d) => ({ code: d.enterprise.code, name: d.enterprise.name, types: d.enterprise.types })),
      rules: checkAll(campaign.dataset, campaign.window).map(ruleAnswersOf),
      findings: [],
      dispositions: [],
      tasks: [],
      supervised: [],
      referrals: [],
      tips: [],
      typical: [],
    };
    const generatedAt = '2014-11-26T00:00:00Z';
    const { xlsx, title } = await renderReport('annex3', data, { generatedAt, draft: false });
    const pdf = (await libreOfficePdfRenderer(log))!;
    // Two at once: the second may wait and share a LibreOffice process with the first.
    const [first, second] = await Promise.all([pdf(xlsx, 'first'), pdf(xlsx, 'second')]);
    const [a, b] = [stampPdf(first!, generatedAt), stampPdf(second!, generatedAt)];
    expect(a.equals(b)).toBe(true);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pdf-test-'));
    try {
      const file = path.join(dir, 'annex3.pdf');
      fs.writeFileSync(file, a);
      const info = execFileSync('pdfinfo', [file]).toString();
      expect(info).toMatch(/Page size:\s+841.\d+ x 595.\d+ pts \(A4\)/);
      expect(info).toContain('CreationDate:    Wed Nov 26 00:00:00 2014 UTC');
      const pages = execFileSync('pdftotext', ['-layout', file, '-']).toString().split('\f').filter((p) => p.trim() !== '');
      expect(pages.length).toBeGreaterThan(1);
      expect(pages[0]).toContain(title);
      expect(pages[0]).toContain(dossiers[0].enterprise.name.slice(0, 8));
      pages.forEach((page, i) => {
        expect(page).toContain(province);
        expect(page).toContain(`第 ${i + 1} 页，共 ${pages.length} 页`);
        // The table's headings repeat on every page.
        expect(page).toContain('序号');
      });
      // A picture of the first page, to look at: CJK text must render (fonts-noto-cjk).
      execFileSync('pdftoppm', ['-r', '40', '-png', '-f', '1', '-l', '1', file, path.join(dir, 'page')]);
      expect(fs.statSync(path.join(dir, 'page-1.png')).size).toBeGreaterThan(10_000);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
