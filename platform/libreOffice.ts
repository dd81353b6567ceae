import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { config } from './config';
import { aptInstall } from './debianPackages';
import { isExecutable, onPath } from './executables';
import type { Logger } from './logger';

const run = promisify(execFile);

/** nice(1)'s scale: 0 is a normal process, 19 the lowest priority. */
const PRINT_NICENESS = 10;

/** Calc without the desktop, and the CJK fonts its PDF export needs to draw Chinese. */
export const LIBREOFFICE_PACKAGES = ['libreoffice-calc-nogui', 'fonts-noto-cjk'] as const;

async function works(binary: string): Promise<boolean> {
  try {
    await run(binary, ['--headless', '--version'], { timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}

function firstLines(error: unknown): string {
  return error instanceof Error ? error.message.split('\n').slice(0, 3).join(' ') : String(error);
}

interface Route {
  name: string;
  find(): Promise<string | undefined>;
}

const found = new Map<string, Promise<string>>();

/**
 * Finds `soffice`: LIBREOFFICE_BIN (or `configuredPath`), then PATH; failing both, installs Calc
 * with apt-get when running as root. Fails with one message naming every route tried and why it
 * did not work. A binary found is kept for the process; a failure is not, so a later call tries again.
 */
export function findOrInstallLibreOffice(options: { configuredPath?: string; log?: Logger } = {}): Promise<string> {
  const configured = options.configuredPath ?? config().LIBREOFFICE_BIN;
  const key = configured ?? '';
  let search = found.get(key);
  if (!search) {
    search = searchRoutes(configured, options.log);
    found.set(key, search);
    search.catch(() => found.delete(key));
  }
  return search;
}

async function searchRoutes(configuredPath: string | undefined, log: Logger | undefined): Promise<string> {
  const routes: Route[] = [
    {
      name: 'LIBREOFFICE_BIN',
      find: async () => {
        if (!configuredPath) throw new Error('not set');
        if (!isExecutable(configuredPath)) throw new Error(`${configuredPath} is not an executable file`);
        return configuredPath;
      },
    },
    {
      name: '`soffice` on PATH',
      find: async () => onPath('soffice') ?? onPath('libreoffice') ?? Promise.reject(new Error('neither soffice nor libreoffice is on PATH')),
    },
    {
      name: `apt-get install ${LIBREOFFICE_PACKAGES.join(' ')}`,
      find: async () => {
        await aptInstall(LIBREOFFICE_PACKAGES, log);
        return onPath('soffice') ?? Promise.reject(new Error('the packages installed but soffice is still not on PATH'));
      },
    },
  ];
  const failures: string[] = [];
  for (const route of routes) {
    try {
      const binary = await route.find();
      if (binary && (await works(binary))) {
        log?.info({ route: route.name, binary }, 'using LibreOffice');
        return binary;
      }
      failures.push(`${route.name}: ${binary} does not run (\`${binary} --headless --version\` failed)`);
    } catch (error) {
      failures.push(`${route.name}: ${firstLines(error)}`);
    }
  }
  throw new Error(
    [
      'Could not find or install LibreOffice (soffice). Routes tried, in order:',
      ...failures.map((f, i) => `  ${i + 1}. ${f}`),
      `Fix one of them: set LIBREOFFICE_BIN to a soffice binary, or install ${LIBREOFFICE_PACKAGES.join(' ')} (as root: apt-get install -y --no-install-recommends ${LIBREOFFICE_PACKAGES.join(' ')}).`,
    ].join('\n'),
  );
}

/** UTF-8, comma-separated, double quotes, cell contents as shown (so 12.000 stays 12.000). */
const filters = { csv: 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true', pdf: 'pdf' } as const;

/**
 * Converts spreadsheets headless, several in one LibreOffice process (its start-up is most of the
 * cost), and returns the path of each result in `outDir`, undefined for one it could not convert.
 * Each call runs with a throwaway user profile: LibreOffice refuses a second instance on a profile
 * in use, so parallel conversions would otherwise collide. CSV holds the first sheet only.
 */
export async function convertManyWithLibreOffice(
  inputs: readonly string[],
  format: keyof typeof filters,
  options: { outDir: string; soffice?: string; timeoutMs?: number },
): Promise<(string | undefined)[]> {
  const soffice = options.soffice ?? (await findOrInstallLibreOffice());
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lo-profile-'));
  const outputs = inputs.map((input) => path.join(options.outDir, `${path.parse(input).name}.${format}`));
  try {
    fs.mkdirSync(options.outDir, { recursive: true });
    for (const output of outputs) fs.rmSync(output, { force: true });
    const args = ['--headless', '--norestore', '--nolockcheck', `-env:UserInstallation=${pathToFileURL(profile).href}`, '--convert-to', filters[format], '--outdir', options.outDir, ...inputs];
    // Printing is background work that keeps a core busy for many seconds at a phase boundary: at
    // a lower priority (inherited by soffice.bin) it yields the CPU to the cases and the API.
    await run('nice', ['-n', String(PRINT_NICENESS), soffice, ...args], { timeout: options.timeoutMs ?? 120_000 + 30_000 * inputs.length });
    return outputs.map((output) => (fs.existsSync(output) ? output : undefined));
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

/** One spreadsheet converted; fails when LibreOffice wrote nothing. */
export async function convertWithLibreOffice(input: string, format: keyof typeof filters, options: { outDir: string; soffice?: string; timeoutMs?: number }): Promise<string> {
  const [output] = await convertManyWithLibreOffice([input], format, options);
  if (!output) throw new Error(`LibreOffice wrote no ${path.join(options.outDir, `${path.parse(input).name}.${format}`)}`);
  return output;
}

/** Turns a report's workbook into its PDF; undefined when the conversion failed (already logged). */
export type PdfRenderer = (xlsx: Buffer, name: string) => Promise<Buffer | undefined>;

/** Each LibreOffice process takes a few hundred MB: a few at a time, each converting what has queued. */
const PROCESSES_AT_ONCE = 2;
const WORKBOOKS_PER_PROCESS = 12;

interface PdfRequest {
  xlsx: Buffer;
  name: string;
  done(pdf: Buffer | undefined): void;
}

/**
 * The PDF engine of the worker and the API: LibreOffice prints the workbook as its page setup says
 * (A4 landscape, heading rows repeated, header and footer with the province and page numbers).
 * Workbooks that arrive while LibreOffice is busy (every province's reports at a phase boundary)
 * wait and are then converted together by one process.
 *
 * Without LibreOffice (none found, none installable) it answers undefined and says so once,
 * loudly: reports then come without a PDF rather than holding up a phase boundary until somebody
 * installs it. A conversion that fails is logged and likewise leaves that report without a PDF.
 */
export async function libreOfficePdfRenderer(log: Logger, options: { configuredPath?: string } = {}): Promise<PdfRenderer | undefined> {
  let soffice: string;
  try {
    soffice = await findOrInstallLibreOffice({ ...options, log });
  } catch (error) {
    log.warn({ error: error instanceof Error ? error.message : String(error) }, 'no PDF engine: reports will be written without their PDF until LibreOffice is available and the process restarts');
    return undefined;
  }
  const queue: PdfRequest[] = [];
  let running = 0;
  const convert = async (batch: PdfRequest[]) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-pdf-'));
    try {
      const inputs = batch.map((request, i) => {
        const input = path.join(dir, `report-${i}.xlsx`);
        fs.writeFileSync(input, request.xlsx);
        return input;
      });
      const outputs = await convertManyWithLibreOffice(inputs, 'pdf', { outDir: dir, soffice });
      batch.forEach((request, i) => {
        const output = outputs[i];
        if (!output) log.warn({ report: request.name }, 'LibreOffice wrote no PDF: the report is stored without it');
        request.done(output ? fs.readFileSync(output) : undefined);
      });
    } catch (error) {
      log.warn({ reports: batch.map((r) => r.name), error: firstLines(error) }, 'PDF conversion failed: the reports are stored without their PDF');
      for (const request of batch) request.done(undefined);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
  const pump = () => {
    while (running < PROCESSES_AT_ONCE && queue.length > 0) {
      running++;
      void convert(queue.splice(0, WORKBOOKS_PER_PROCESS)).finally(() => {
        running--;
        pump();
      });
    }
  };
  return (xlsx, name) =>
    new Promise((done) => {
      queue.push({ xlsx, name, done });
      pump();
    });
}
