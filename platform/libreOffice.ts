import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { isExecutable, onPath } from './executables';
import type { Logger } from './logger';

const run = promisify(execFile);

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

/**
 * apt-get waits for a lock another install holds (the machine may be installing LibreOffice
 * already) rather than failing; if the package lists are missing it refreshes them once.
 */
async function aptInstall(log: Logger | undefined): Promise<void> {
  const apt = onPath('apt-get');
  if (!apt) throw new Error('apt-get is not on PATH');
  if (process.getuid?.() !== 0) throw new Error('not running as root, so packages cannot be installed');
  const options = { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, timeout: 30 * 60_000, maxBuffer: 64 * 1024 * 1024 };
  const lock = ['-o', 'DPkg::Lock::Timeout=1800'];
  const install = () => run(apt, [...lock, 'install', '-y', '--no-install-recommends', ...LIBREOFFICE_PACKAGES], options);
  log?.info({ packages: LIBREOFFICE_PACKAGES }, 'installing LibreOffice with apt-get (first time only: a few minutes)');
  try {
    await install();
  } catch (error) {
    log?.info({ error: firstLines(error) }, 'apt-get install failed; refreshing the package lists and trying again');
    await run(apt, [...lock, 'update'], options);
    await install();
  }
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
  const configured = options.configuredPath ?? process.env.LIBREOFFICE_BIN;
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
        await aptInstall(log);
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
 * Converts a spreadsheet headless and returns the path of the result in `outDir`. Each call runs
 * with a throwaway user profile: LibreOffice refuses a second instance on a profile in use, so
 * parallel conversions would otherwise collide. CSV holds the first sheet only.
 */
export async function convertWithLibreOffice(
  input: string,
  format: keyof typeof filters,
  options: { outDir: string; soffice?: string; timeoutMs?: number },
): Promise<string> {
  const soffice = options.soffice ?? (await findOrInstallLibreOffice());
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lo-profile-'));
  const output = path.join(options.outDir, `${path.parse(input).name}.${format}`);
  try {
    fs.mkdirSync(options.outDir, { recursive: true });
    fs.rmSync(output, { force: true });
    const args = ['--headless', '--norestore', '--nolockcheck', `-env:UserInstallation=${pathToFileURL(profile).href}`, '--convert-to', filters[format], '--outdir', options.outDir, input];
    const { stdout, stderr } = await run(soffice, args, { timeout: options.timeoutMs ?? 120_000 });
    if (!fs.existsSync(output)) throw new Error(`LibreOffice wrote no ${output}\n${stdout}${stderr}`);
    return output;
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

/** Turns a report's workbook into its PDF; undefined when the conversion failed (already logged). */
export type PdfRenderer = (xlsx: Buffer, name: string) => Promise<Buffer | undefined>;

/** Each conversion is a LibreOffice process of a few hundred MB: a few at a time, the rest queue. */
const CONVERSIONS_AT_ONCE = 2;

/**
 * The PDF engine of the worker and the API: LibreOffice prints the workbook as its page setup says
 * (A4 landscape, heading rows repeated, header and footer with the province and page numbers).
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
  let running = 0;
  const waiting: (() => void)[] = [];
  const slot = async () => {
    while (running >= CONVERSIONS_AT_ONCE) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
  };
  const release = () => {
    running--;
    waiting.shift()?.();
  };
  return async (xlsx, name) => {
    await slot();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-pdf-'));
    try {
      const input = path.join(dir, 'report.xlsx');
      fs.writeFileSync(input, xlsx);
      return fs.readFileSync(await convertWithLibreOffice(input, 'pdf', { outDir: dir, soffice }));
    } catch (error) {
      log.warn({ report: name, error: firstLines(error) }, 'PDF conversion failed: the report is stored without its PDF');
      return undefined;
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      release();
    }
  };
}
