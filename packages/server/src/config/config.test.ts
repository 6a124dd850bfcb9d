import { generateKeyPairSync } from 'node:crypto';
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

  it('takes an Ed25519 audit signing key as PEM or base64 DER, and refuses anything else without echoing it', () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const der = privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
    expect(loadConfig({}, { TANDEM_AUDIT_SIGNING_KEY: pem }).auditSigningKey).toBe(pem);
    expect(loadConfig({}, { TANDEM_AUDIT_SIGNING_KEY: der }).auditSigningKey).toBe(der);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 })
      .privateKey.export({ format: 'pem', type: 'pkcs8' })
      .toString();
    for (const wrong of [rsa, 'c2VjcmV0LXNpZ25pbmcta2V5']) {
      expect(() => loadConfig({}, { TANDEM_AUDIT_SIGNING_KEY: wrong })).toThrow(
        /^Invalid TANDEM_AUDIT_SIGNING_KEY: must be an Ed25519 private key/,
      );
      expect(() => loadConfig({}, { TANDEM_AUDIT_SIGNING_KEY: wrong })).not.toThrow(wrong.slice(0, 20));
    }
    expect(loadConfig({}, {}).auditCheckpointMinutes).toBe(10);
    expect(loadConfig({}, { TANDEM_AUDIT_CHECKPOINT_MINUTES: '0' }).auditCheckpointMinutes).toBe(0);
    expect(() => loadConfig({}, { TANDEM_AUDIT_CHECKPOINT_MINUTES: '-1' })).toThrow(
      /^Invalid TANDEM_AUDIT_CHECKPOINT_MINUTES/,
    );
  });

  it('reads the mail server from TANDEM_SMTP_URL, and refuses a bad one without repeating its password', () => {
    expect(loadConfig({}, {}).smtp).toBeUndefined();
    const config = loadConfig(
      {},
      {
        TANDEM_SMTP_URL: 'smtp://mailer:p%40ss%3Aword@mail.example.org:2525',
        TANDEM_MAIL_FROM: 'Clinic <no-reply@example.org>',
      },
    );
    expect(config.smtp).toEqual({
      host: 'mail.example.org',
      port: 2525,
      secure: false,
      user: 'mailer',
      password: 'p@ss:word',
    });
    expect(config.mailFrom).toBe('Clinic <no-reply@example.org>');
    expect(loadConfig({}, { TANDEM_SMTP_URL: 'smtps://mail.example.org' }).smtp).toMatchObject({
      port: 465,
      secure: true,
      user: undefined,
    });
    expect(loadConfig({}, { TANDEM_SMTP_URL: 'smtp://mail.example.org' }).smtp?.port).toBe(587);
    expect(loadConfig({ publicUrl: 'https://tandem.example.org' }, {}).mailFrom).toBe(
      'Tandem <tandem@tandem.example.org>',
    );
    for (const wrong of [
      'http://user:hunter2secret@mail.example.org',
      'smtp://user:hunter2secret@',
      'mail.example.org',
    ]) {
      expect(() => loadConfig({}, { TANDEM_SMTP_URL: wrong })).toThrow(
        /^Invalid TANDEM_SMTP_URL: must be smtp:\/\//,
      );
      expect(() => loadConfig({}, { TANDEM_SMTP_URL: wrong })).not.toThrow(/hunter2/);
    }
    expect(() => loadConfig({}, { TANDEM_MAIL_FROM: 'nobody' })).toThrow(/^Invalid TANDEM_MAIL_FROM/);
    expect(loadConfig({}, {}).mailDeliverySeconds).toBe(15);
  });
});
