import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Catalogue, catalogueProblems } from './messages.ts';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A small project: one component, its committed English, its Spanish. */
function project(component: string, english: object, spanish: object): { cwd: string; catalogue: Catalogue } {
  const cwd = mkdtempSync(join(tmpdir(), 'tandem-catalogue-'));
  folders.push(cwd);
  mkdirSync(join(cwd, 'src/messages'), { recursive: true });
  writeFileSync(join(cwd, 'src/Page.tsx'), component);
  writeFileSync(join(cwd, 'src/messages/en.json'), JSON.stringify(english));
  writeFileSync(join(cwd, 'src/messages/es.json'), JSON.stringify(spanish));
  return {
    cwd,
    catalogue: {
      name: 'fixture',
      sources: ['src/**/*.tsx'],
      directory: 'src/messages',
      translations: ['es'],
    },
  };
}

const page = (messages: string) => `import { FormattedMessage } from 'react-intl';
export function Page() {
  return <main>${messages}</main>;
}
`;
const title = '<FormattedMessage id="fixture.page.title" defaultMessage="Sign in" />';

describe('the catalogue check the web build runs', () => {
  it('passes when the code, its English and the Spanish agree', () => {
    const { cwd, catalogue } = project(
      page(title),
      { 'fixture.page.title': { defaultMessage: 'Sign in' } },
      { 'fixture.page.title': { message: 'Iniciar sesión', source: 'Sign in' } },
    );
    expect(catalogueProblems(catalogue, cwd)).toEqual([]);
  });

  it('fails when someone wraps a new string and translates nothing (and forgot to extract)', () => {
    const { cwd, catalogue } = project(
      page(`${title}<FormattedMessage id="fixture.page.forgot" defaultMessage="Forgot password?" />`),
      { 'fixture.page.title': { defaultMessage: 'Sign in' } },
      { 'fixture.page.title': { message: 'Iniciar sesión', source: 'Sign in' } },
    );
    expect(catalogueProblems(catalogue, cwd)).toEqual([
      'src/messages/en.json is not what the code says: run npm run messages:extract',
      'src/messages/es.json: fixture.page.forgot: no translation',
    ]);
  });

  it('fails when a string leaves the code but its translation stays', () => {
    const { cwd, catalogue } = project(
      page('<p>nothing</p>'),
      {},
      { 'fixture.page.title': { message: 'Iniciar sesión', source: 'Sign in' } },
    );
    expect(catalogueProblems(catalogue, cwd)).toEqual([
      'src/messages/es.json: fixture.page.title: translated but no longer in the code',
    ]);
  });
});
