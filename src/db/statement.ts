// Statements of the message's hot path, built by Drizzle once instead of for every message.
//
// Drizzle builds a query's text anew each time it runs one: walking the query's parts,
// checking each part's kind, numbering the parameters. For the few statements every message
// runs, that was about 2 ms of the worker's CPU per message (the backlog's profile). Here such a
// statement is written once with placeholders (sql.placeholder), its text and result columns
// kept, and each run only fills in the values, on whatever handle or transaction it is given.
// The rows come back mapped by Drizzle as the builder's own execute() would map them.
import * as drizzle from 'drizzle-orm';
import type { Query } from 'drizzle-orm';
import type { PgSession } from 'drizzle-orm/pg-core';
import type { Executor } from './client.js';

// Drizzle's own, exported but left out of its typings: the columns of a selection, in order.
type Fields = Parameters<PgSession['prepareQuery']>[1];
const { orderSelectedFields } = drizzle as unknown as { orderSelectedFields(fields: Record<string, unknown>): Fields };

interface Built {
  query: Query;
  fields: Fields;
  joinsNotNullableMap: Record<string, boolean> | undefined;
}

/** A select, or an insert/update with returning(), as Drizzle keeps it (not part of its typings). */
interface BuilderInternals {
  toSQL(): Query;
  config: { fields?: Record<string, unknown>; returning?: Fields };
  joinsNotNullableMap?: Record<string, boolean>;
}

/**
 * `build` writes the statement with sql.placeholder(name) for every value; it runs once, on the
 * first handle given. The result runs the statement with `values` (by placeholder name) on any
 * handle or transaction; `name` makes it a prepared statement on each connection.
 */
export function statement<Row>(name: string, build: (db: Executor) => { toSQL(): Query }) {
  let built: Built | undefined;
  return (db: Executor, values: Record<string, unknown>): Promise<Row[]> => {
    built ??= capture(build(db) as unknown as BuilderInternals);
    // db._.session: the handle's, or the transaction's (its own connection).
    const prepared = db._.session.prepareQuery(built.query, built.fields, name, true);
    if (built.joinsNotNullableMap) (prepared as unknown as BuilderInternals).joinsNotNullableMap = built.joinsNotNullableMap;
    return prepared.execute(values) as Promise<Row[]>;
  };
}

function capture(builder: BuilderInternals): Built {
  const { config } = builder;
  const fields = config.returning ?? (config.fields ? orderSelectedFields(config.fields) : undefined);
  if (!fields) throw new Error('statement(): a select, or a statement with returning(), was expected');
  return { query: builder.toSQL(), fields, joinsNotNullableMap: builder.joinsNotNullableMap };
}
