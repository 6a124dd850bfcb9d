import { describe, expect, it } from 'vitest';
import { foreignKeyOrder, quoteIdentifier, quoteLiteral, type TableInfo } from './catalog.ts';

const table = (name: string, references: string[] = []): TableInfo => ({
  name,
  primaryKey: ['id'],
  insertableColumns: ['id'],
  jsonColumns: [],
  references,
});

describe('foreignKeyOrder', () => {
  it('puts every table after the tables it references, ties by name', () => {
    const order = foreignKeyOrder([
      table('rooms', ['sites']),
      table('sites', ['organizations']),
      table('accounts', ['users']),
      table('organizations'),
      table('users'),
      table('memberships', ['organizations', 'users']),
    ]).map((entry) => entry.name);
    expect(order).toEqual(['users', 'accounts', 'organizations', 'memberships', 'sites', 'rooms']);
  });

  it('still lists every table of a cycle (its constraints must be deferrable)', () => {
    const order = foreignKeyOrder([table('a', ['b']), table('b', ['a']), table('c', ['missing'])]);
    expect(order.map((entry) => entry.name)).toEqual(['b', 'a', 'c']);
  });
});

describe('quoting', () => {
  it('doubles the quote character', () => {
    expect(quoteIdentifier('we"ird')).toBe('"we""ird"');
    expect(quoteLiteral("O'Brien")).toBe("'O''Brien'");
  });
});
