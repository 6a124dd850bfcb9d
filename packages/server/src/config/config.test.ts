import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('defaults to the embedded database in ./data on port 3000', () => {
    const config = loadConfig({}, {});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir).toBe(path.resolve('./data'));
    expect(config.publicUrl).toBe('http://localhost:3000');
  });

  it('reads the environment and lets flags win', () => {
    const config = loadConfig(
      { port: 4100 },
      { PORT: '4000', DATABASE_URL: 'postgres://127.0.0.1/tandem', TANDEM_DATA_DIR: '/tmp/tandem-x' },
    );
    expect(config.port).toBe(4100);
    expect(config.databaseUrl).toBe('postgres://127.0.0.1/tandem');
    expect(config.dataDir).toBe('/tmp/tandem-x');
  });

  it('names the variable that is wrong in one line', () => {
    expect(() => loadConfig({}, { PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({}, { PORT: 'eighty' })).toThrow(/^Invalid PORT: /);
    expect(() => loadConfig({}, { DATABASE_URL: 'mysql://x' })).toThrow(
      /Invalid DATABASE_URL: must start with postgres/,
    );
    expect(() => loadConfig({}, { TANDEM_AUTH_SECRET: 'short' })).toThrow(/Invalid TANDEM_AUTH_SECRET/);
  });
});
