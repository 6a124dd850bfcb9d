import type pg from 'pg';
import { StartupError } from '../app/startup-error.ts';

/**
 * On PostgreSQL, production runs Tandem as a login role that may read and write the data but not change the
 * schema, and may only append to the audit trail; migrations (`tandem migrate`) run as the owner. This creates
 * that role, or brings its grants up to date after new migrations.
 */

/** Tables the app may read and add to, but never change or empty. */
export const appendOnlyTables = ['audit_events', 'audit_checkpoints'] as const;
/** Tables the app may read, add to and update, but not delete from. */
const noDeleteTables = ['audit_chain_heads'] as const;
/** Tables the app only reads (migrate checks them at start). */
const readOnlyTables = ['schema_migrations'] as const;

const roleNamePattern = /^[a-z_][a-z0-9_]{0,62}$/;

export async function createAppRole(pool: pg.Pool, name: string): Promise<{ created: boolean }> {
  if (!roleNamePattern.test(name)) {
    throw new StartupError(
      `The role name ${JSON.stringify(name)} is not valid: use lowercase letters, digits and underscores.`,
    );
  }
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query<{
      me: string;
      exists: boolean;
      superuser: boolean;
      schema: string;
      database: string;
    }>(
      `SELECT current_user AS me, current_schema() AS schema, current_database() AS database,
         EXISTS (SELECT FROM pg_roles WHERE rolname = $1) AS exists,
         EXISTS (SELECT FROM pg_roles WHERE rolname = $1 AND rolsuper) AS superuser`,
      [name],
    );
    const { me, exists, superuser, schema, database } = rows[0] as (typeof rows)[number];
    // Grants do not bind the owner or a superuser: such an app role could rewrite the audit trail's privileges.
    if (me === name || superuser) {
      throw new StartupError(
        `The app role must be neither the schema owner nor a superuser; ${name} is. Choose a new name.`,
      );
    }
    const role = quote(name);
    const inSchema = `IN SCHEMA ${quote(schema)}`;
    const statements = [
      ...(exists ? [] : [`CREATE ROLE ${role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT`]),
      `GRANT CONNECT ON DATABASE ${quote(database)} TO ${role}`,
      `GRANT USAGE ON SCHEMA ${quote(schema)} TO ${role}`,
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES ${inSchema} TO ${role}`,
      `GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES ${inSchema} TO ${role}`,
      // Tables of later migrations: run this command again after migrating, for their exceptions.
      `ALTER DEFAULT PRIVILEGES ${inSchema} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${role}`,
      `ALTER DEFAULT PRIVILEGES ${inSchema} GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO ${role}`,
      ...appendOnlyTables.map((table) => `REVOKE UPDATE, DELETE, TRUNCATE ON ${quote(table)} FROM ${role}`),
      ...noDeleteTables.map((table) => `REVOKE DELETE, TRUNCATE ON ${quote(table)} FROM ${role}`),
      ...readOnlyTables.map(
        (table) => `REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON ${quote(table)} FROM ${role}`,
      ),
    ];
    for (const statement of statements) await client.query(statement);
    await client.query('COMMIT');
    return { created: !exists };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

function quote(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}
