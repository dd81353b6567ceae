import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { convertWithLibreOffice, findOrInstallLibreOffice } from '../../platform/libreOffice';

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
