/**
 * Writes src/db/schema.generated.ts from the migrated schema: the table types Kysely checks queries against.
 * Run after adding a migration: `npm run db:types -w @tandem/server`. `--check` fails when the file is stale
 * (the test suite runs it that way).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Kysely, PostgresDialect as KyselyPostgresDialect } from 'kysely';
import { generate, PostgresDialect } from 'kysely-codegen';
import { databaseFromPglite, openPglite } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';

const outFile = fileURLToPath(new URL('../src/db/schema.generated.ts', import.meta.url));

export async function generateDatabaseTypes(): Promise<string> {
  const database = databaseFromPglite(await openPglite(undefined));
  try {
    await migrate(database.pool);
    const introspection = new Kysely<unknown>({
      dialect: new KyselyPostgresDialect({ pool: database.pool }),
    });
    const source = await generate({
      // kysely-codegen bundles its own Kysely version; the instance is structurally the same.
      db: introspection as never,
      dialect: new PostgresDialect({ dateParser: 'string', numericParser: 'string' }),
      camelCase: true,
      excludePattern: 'schema_migrations',
      typeOnlyImports: true,
      typeMapping: { int8: 'number' },
      print: false,
      outFile: null,
    });
    return source;
  } finally {
    await database.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const source = await generateDatabaseTypes();
  if (process.argv.includes('--check')) {
    const current = await readFile(outFile, 'utf8').catch(() => '');
    if (current !== source) {
      console.error('src/db/schema.generated.ts is stale: run npm run db:types -w @tandem/server');
      process.exit(1);
    }
  } else {
    await writeFile(outFile, source);
    console.log(`wrote ${outFile}`);
  }
}
