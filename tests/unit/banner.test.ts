import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bannerLine, bannerText, readStackInfo, writeStackInfo, type StackInfo } from '../../scripts/lib/banner';

const info = (dataDir: string): StackInfo => ({
  pid: 4242,
  startedAt: '2026-12-01T08:00:00.000Z',
  urls: { api: 'http://127.0.0.1:3000', docs: 'http://127.0.0.1:3000/docs', openapi: 'http://127.0.0.1:3000/openapi.json', temporalUi: 'http://127.0.0.1:8233', mailbox: 'http://127.0.0.1:1080' },
  tokens: ['demo-36-tax-staff', 'demo-national-miit-miitCoordinator'],
  dataDir,
  postgres: { dataDir: '/var/lib/rare-earth-campaign/data-0123456789abcdef', url: 'postgresql://postgres:postgres@127.0.0.1:54329/campaign' },
});

describe('the banner', () => {
  test('names every URL, every token and where the data is', () => {
    const text = bannerText(info('/srv/campaign/data'), 'heading');
    for (const url of Object.values(info('').urls)) expect(text).toContain(url);
    expect(text).toContain('demo-36-tax-staff');
    expect(text).toContain('demo-national-miit-miitCoordinator');
    expect(text).toContain('Authorization: Bearer <token>');
    expect(text).toContain('/var/lib/rare-earth-campaign/data-0123456789abcdef');
  });

  test('lists the ready-made Web UI links it is given', () => {
    const links = [{ label: '挂牌督办案件 · Supervised cases', url: 'http://127.0.0.1:8233/namespaces/default/workflows?query=Supervised%20%3D%20true' }];
    const text = bannerText({ ...info('/srv/campaign/data'), webUiLinks: links }, 'heading');
    expect(text).toContain(`    挂牌督办案件 · Supervised cases\n      ${links[0].url}`);
    expect(bannerText(info('/srv/campaign/data'), 'heading')).not.toContain('Web UI lists');
  });

  test('lists the demo sign-in links it is given, and where to sign in', () => {
    const links = [{ email: '36-tax-staff@campaign.example', url: 'http://127.0.0.1:3000/auth/password?token=abc' }];
    const text = bannerText({ ...info('/srv/campaign/data'), signInLinks: links }, 'heading');
    expect(text).toContain('http://127.0.0.1:3000/ui/sign-in');
    expect(text).toContain(`    36-tax-staff@campaign.example  ${links[0].url}`);
    expect(bannerText(info('/srv/campaign/data'), 'heading')).not.toContain('Web inbox');
  });

  test('the minute reminder is one line with the URLs and a token to sign in with', () => {
    const line = bannerLine(info('/srv/campaign/data'));
    expect(line).not.toContain('\n');
    expect(line).toContain('http://127.0.0.1:3000/docs');
    expect(line).toContain('Bearer demo-36-tax-staff');
    expect(bannerLine({ ...info('/d'), tokens: [] })).not.toContain('Bearer');
  });

  test('npm run status reads back what npm start wrote, and nothing where none started', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'banner-'));
    try {
      expect(readStackInfo(dir)).toBeUndefined();
      writeStackInfo(info(dir));
      expect(readStackInfo(dir)).toEqual(info(dir));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
