import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config/config.ts';

/**
 * The Ed25519 key that signs audit checkpoints. It must live outside the database (TANDEM_AUDIT_SIGNING_KEY, or a
 * file in the data folder): a checkpoint proves nothing against whoever holds the key that signed it.
 */
export interface AuditSigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  keyId: string;
}

/** The file in the data folder that holds a generated key (PKCS#8 PEM, mode 0600). */
export const signingKeyFileName = 'audit-signing-key.pem';

/** A private key as PKCS#8 PEM, or the base64 of its DER form (one line, for an environment variable). */
export function parseSigningKey(text: string): KeyObject {
  const trimmed = text.trim();
  const key = trimmed.startsWith('-----BEGIN')
    ? createPrivateKey(trimmed)
    : createPrivateKey({ key: Buffer.from(trimmed, 'base64'), format: 'der', type: 'pkcs8' });
  if (key.asymmetricKeyType !== 'ed25519') throw new TypeError('not an Ed25519 private key');
  return key;
}

/** A public key as SPKI PEM (what `openssl pkey -pubout` and `tandem audit public-key` write). */
export function parsePublicKey(pem: string): KeyObject {
  const key = createPublicKey(pem.trim());
  if (key.asymmetricKeyType !== 'ed25519') throw new TypeError('not an Ed25519 public key');
  return key;
}

export function publicKeyPem(publicKey: KeyObject): string {
  return publicKey.export({ format: 'pem', type: 'spki' }).toString();
}

/** The first 16 hex digits of the SHA-256 of the raw 32-byte public key: names the key in checkpoints. */
export function publicKeyId(publicKey: KeyObject): string {
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x ?? '', 'base64url');
  return createHash('sha256').update(raw).digest('hex').slice(0, 16);
}

export function signingKeyFrom(privateKey: KeyObject): AuditSigningKey {
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, keyId: publicKeyId(publicKey) };
}

/** The configured key, or the data folder's; undefined when there is neither (verification creates none). */
export async function readSigningKey(config: Config): Promise<AuditSigningKey | undefined> {
  if (config.auditSigningKey !== undefined) return signingKeyFrom(parseSigningKey(config.auditSigningKey));
  const stored = await readFile(path.join(config.dataDir, signingKeyFileName), 'utf8').catch(() => undefined);
  return stored === undefined ? undefined : signingKeyFrom(parseSigningKey(stored));
}

/**
 * The key that signs: TANDEM_AUDIT_SIGNING_KEY wins; otherwise the data folder's, generated there once. Processes
 * that share a PostgreSQL database must share the key (set the variable), or each signs with its own.
 */
export async function resolveSigningKey(config: Config): Promise<AuditSigningKey> {
  const existing = await readSigningKey(config);
  if (existing !== undefined) return existing;
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  // 'wx': of two processes starting at once on one folder, the second keeps the first one's key.
  await writeFile(path.join(config.dataDir, signingKeyFileName), pem, { mode: 0o600, flag: 'wx' }).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    },
  );
  return (await readSigningKey(config)) as AuditSigningKey;
}
