import path from 'node:path';
import { signInSettingsOf } from '../../api/app';
import { ConfigError, parseBenchStartupConfig, parseChaosConfig, parseConfig, workerNodeOptions } from '../../platform/config';

describe('configuration', () => {
  test('an empty environment gives the embedded defaults', () => {
    const cfg = parseConfig({});
    expect(cfg).toMatchObject({
      API_PORT: 3000,
      TEMPORAL_PORT: 7233,
      TEMPORAL_UI_PORT: 8233,
      TEMPORAL_NAMESPACE: 'default',
      TEMPORAL_TASK_QUEUE: 'rare-earth-campaign',
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'auto',
      WORKER_SHUTDOWN_GRACE_S: 5,
      DEMO_ENTERPRISES: 300,
    });
    expect(cfg.DATABASE_URL).toBeUndefined();
    expect(cfg.TEMPORAL_ADDRESS).toBeUndefined();
    expect(cfg.SMTP_URL).toBeUndefined();
    expect(cfg.DATA_DIR).toBe(path.resolve('data'));
  });

  test('set variables win over the defaults and are converted to their types', () => {
    const cfg = parseConfig({
      API_PORT: '8080',
      DATABASE_URL: 'postgresql://u:p@db:5432/campaign',
      TEMPORAL_ADDRESS: 'temporal.internal:7233',
      SMTP_URL: 'smtp://relay:25',
    });
    expect(cfg.API_PORT).toBe(8080);
    expect(cfg.DATABASE_URL).toBe('postgresql://u:p@db:5432/campaign');
    expect(cfg.TEMPORAL_ADDRESS).toBe('temporal.internal:7233');
    expect(cfg.SMTP_URL).toBe('smtp://relay:25');
  });

  test('TRUST_PROXY: off by default; a hop count, or addresses and subnets; anything else refused by name', () => {
    expect(parseConfig({}).TRUST_PROXY).toBe(false);
    expect(parseConfig({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(parseConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8,::1' }).TRUST_PROXY).toEqual(['loopback', '10.0.0.0/8', '::1']);
    expect(() => parseConfig({ TRUST_PROXY: 'everyone' })).toThrow(/TRUST_PROXY/);
  });

  test('OpenID Connect is configured by its issuer, client id and secret together, or not at all', () => {
    expect(parseConfig({}).OIDC_ISSUER_URL).toBeUndefined();
    const oidc = { OIDC_ISSUER_URL: 'https://id.jiangxi.example', OIDC_CLIENT_ID: 'campaign', OIDC_CLIENT_SECRET: 's3cret' };
    expect(parseConfig(oidc)).toMatchObject(oidc);
    expect(signInSettingsOf(parseConfig({ ...oidc, PUBLIC_URL: 'https://campaign.jiangxi.example/' })).oidc).toEqual({
      issuerUrl: oidc.OIDC_ISSUER_URL,
      clientId: 'campaign',
      clientSecret: 's3cret',
      redirectUrl: 'https://campaign.jiangxi.example/auth/oidc/callback',
    });
    expect(signInSettingsOf(parseConfig({})).oidc).toBeUndefined();
    expect(() => parseConfig({ OIDC_ISSUER_URL: 'https://id.jiangxi.example', OIDC_CLIENT_ID: 'campaign' })).toThrow(/OIDC_CLIENT_SECRET="": must be set with OIDC_ISSUER_URL and OIDC_CLIENT_ID/);
    expect(() => parseConfig({ ...oidc, OIDC_ISSUER_URL: 'id.jiangxi.example' })).toThrow(/OIDC_ISSUER_URL="id.jiangxi.example"/);
  });

  test("the worker's memory bounds: defaults sized for two cores and 24 GB, set values win, nonsense is refused", () => {
    const defaults = parseConfig({});
    expect(defaults).toMatchObject({ WORKER_ACTIVITY_CONCURRENCY: 30, WORKER_UPDATE_ACTIVITY_CONCURRENCY: 10, WORKER_WORKFLOW_TASK_CONCURRENCY: 10, WORKER_MAX_CACHED_WORKFLOWS: 500, WORKER_HEAP_MB: 2048 });
    expect(workerNodeOptions(defaults)).toEqual(['--max-old-space-size=2048']);
    const set = parseConfig({ WORKER_WORKFLOW_TASK_CONCURRENCY: '4', WORKER_MAX_CACHED_WORKFLOWS: '0', WORKER_HEAP_MB: '1024' });
    expect(set).toMatchObject({ WORKER_WORKFLOW_TASK_CONCURRENCY: 4, WORKER_MAX_CACHED_WORKFLOWS: 0, WORKER_HEAP_MB: 1024 });
    expect(workerNodeOptions(set)).toEqual(['--max-old-space-size=1024']);
    // The SDK needs two workflow task slots (one for a sticky queue, one for the normal one).
    expect(() => parseConfig({ WORKER_WORKFLOW_TASK_CONCURRENCY: '1' })).toThrow(/WORKER_WORKFLOW_TASK_CONCURRENCY="1"/);
    expect(() => parseConfig({ WORKER_HEAP_MB: '64' })).toThrow(/WORKER_HEAP_MB="64"/);
    expect(() => parseConfig({ WORKER_MAX_CACHED_WORKFLOWS: 'many' })).toThrow(/WORKER_MAX_CACHED_WORKFLOWS="many"/);
  });

  test('an empty string counts as unset for the optional services', () => {
    expect(parseConfig({ DATABASE_URL: '', TEMPORAL_ADDRESS: '', SMTP_URL: '' }).DATABASE_URL).toBeUndefined();
  });

  test('every bad value is reported with the variable name, its value and what is wrong', () => {
    let error: unknown;
    try {
      parseConfig({ API_PORT: 'eighty', DATABASE_URL: 'mysql://x', TEMPORAL_ADDRESS: 'localhost', LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(4);
    expect(problems.find((p) => p.startsWith('API_PORT="eighty"'))).toBeDefined();
    expect(problems.find((p) => p.startsWith('DATABASE_URL="mysql://x"'))).toMatch(/postgres/);
    expect(problems.find((p) => p.startsWith('TEMPORAL_ADDRESS="localhost"'))).toMatch(/host:port/);
    expect(problems.find((p) => p.startsWith('LOG_LEVEL="loud"'))).toBeDefined();
  });

  test('LOG_FORMAT is pretty, json or auto', () => {
    expect(parseConfig({ LOG_FORMAT: 'json' }).LOG_FORMAT).toBe('json');
    expect(() => parseConfig({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT="xml"/);
  });

  test('ports outside 1..65535 are refused', () => {
    expect(() => parseConfig({ API_PORT: '70000' })).toThrow(/API_PORT="70000"/);
    expect(() => parseConfig({ MAIL_SINK_SMTP_PORT: '0' })).toThrow(/MAIL_SINK_SMTP_PORT/);
  });
});

describe("the scripts' settings", () => {
  test('chaos durations default, and ports stay unset for a free one', () => {
    const chaos = parseChaosConfig({ CHAOS_ONLY: 'worker,,smtp', API_PORT: '3900' });
    expect(chaos).toMatchObject({ CHAOS_PG_FREEZE_S: 60, CHAOS_ENTERPRISES: 60, CHAOS_ONLY: ['worker', 'smtp'], API_PORT: 3900 });
    expect(chaos.TEMPORAL_PORT).toBeUndefined();
  });

  test('a bad value names its variable', () => {
    expect(() => parseChaosConfig({ CHAOS_STEADY_S: 'soon' })).toThrow(/CHAOS_STEADY_S="soon"/);
    expect(() => parseBenchStartupConfig({ BENCH_RUNS: '0' })).toThrow(/BENCH_RUNS="0"/);
  });
});
