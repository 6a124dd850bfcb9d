import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from '@formatjs/icu-messageformat-parser';
import type { Plugin } from 'vite';
import { pseudoLocalize } from '../src/i18n/pseudo-locale.ts';

/**
 * `virtual:tandem-messages/<locale>`: a catalogue parsed at build time, so that the browser never needs the ICU
 * parser (vite.config.ts aliases it away; the English beside each id is parsed by @formatjs/unplugin). `es` comes
 * from messages/es.json, the pseudo-locale `en-XA` from the English of messages/en.json.
 */
const prefix = 'virtual:tandem-messages/';
const messagesDir = fileURLToPath(new URL('../src/i18n/messages/', import.meta.url));

type Source = Record<string, { defaultMessage: string }>;
type Translated = Record<string, { message: string }>;

function compile(locale: string): { messages: Record<string, unknown>; file: string } {
  if (locale === 'en-XA') {
    const file = `${messagesDir}en.json`;
    const source = JSON.parse(readFileSync(file, 'utf8')) as Source;
    const messages = Object.fromEntries(
      Object.entries(source).map(([id, { defaultMessage }]) => [id, pseudoLocalize(defaultMessage)]),
    );
    return { messages, file };
  }
  if (!/^[a-z]{2,3}$/.test(locale)) throw new Error(`No catalogue for ${locale}`);
  const file = `${messagesDir}${locale}.json`;
  const translated = JSON.parse(readFileSync(file, 'utf8')) as Translated;
  const messages = Object.fromEntries(
    Object.entries(translated).map(([id, { message }]) => [id, parse(message)]),
  );
  return { messages, file };
}

export function compiledCatalogues(): Plugin {
  return {
    name: 'tandem-compiled-catalogues',
    resolveId(id) {
      return id.startsWith(prefix) ? `\0${id}` : undefined;
    },
    load(id) {
      if (!id.startsWith(`\0${prefix}`)) return undefined;
      const { messages, file } = compile(id.slice(prefix.length + 1));
      this.addWatchFile(file);
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(messages))});`;
    },
  };
}
