import type { Compilable, CompiledQuery, Kysely } from 'kysely';

/**
 * Builds and compiles a Kysely query once, then runs it with new parameter values. For the queries on every
 * request's path (a record by id, a session's membership): building and compiling them anew each time costs more
 * CPU than the database round trip on a small machine. Plugins (camelCase results) still apply at execution.
 *
 * `build` receives placeholder values and must pass each one to the query exactly once, as a plain value; the
 * compiled parameters are checked against them so that a query whose parameters are not positional fails at once.
 */
export function compileOnce<Database, Args extends unknown[], Row>(
  db: Kysely<Database>,
  arity: Args['length'],
  build: (...args: Args) => Compilable<Row>,
): (...args: Args) => Promise<Row[]> {
  const placeholders = Array.from(
    { length: arity },
    (_, index) => `\u0000compiled-parameter-${index}`,
  ) as Args;
  const compiled: CompiledQuery<Row> = build(...placeholders).compile();
  const positions = compiled.parameters.map((parameter) => placeholders.indexOf(parameter));
  if (positions.length !== arity || positions.some((position, index) => position !== index)) {
    throw new Error(`compileOnce: the query must use each of its ${arity} arguments once, in order`);
  }
  return async (...args: Args) => {
    const result = await db.executeQuery<Row>({ ...compiled, parameters: args });
    return result.rows;
  };
}
