import {
  createTableRelationsHelpers,
  type ExtractTablesWithRelations,
  extractTablesRelationalConfig,
  type RelationalSchemaConfig,
} from "drizzle-orm";
import { DrizzleD1Database, SQLiteD1Session } from "drizzle-orm/d1";
import { SQLiteAsyncDialect } from "drizzle-orm/sqlite-core";
import * as schema from "./schema";

// What `drizzle(d1, { schema })` builds, with its schema-derived parts made once per isolate: every
// request opens its own D1 session, and deriving the relational config again for each one cost more
// than the rest of a cached signed-URL request (a CPU profile of the Worker showed 7% in it).
type Tables = ExtractTablesWithRelations<typeof schema>;
const tables = extractTablesRelationalConfig<Tables>(schema, createTableRelationsHelpers);
const relational: RelationalSchemaConfig<Tables> = {
  fullSchema: schema,
  schema: tables.tables,
  tableNamesMap: tables.tableNamesMap,
};
const dialect = new SQLiteAsyncDialect();

export type Database = DrizzleD1Database<typeof schema>;

export function createDb(d1: D1Database | D1DatabaseSession): Database {
  const session = new SQLiteD1Session<typeof schema, Tables>(d1 as D1Database, dialect, relational, {});
  return new DrizzleD1Database<typeof schema>("async", dialect, session, relational);
}
