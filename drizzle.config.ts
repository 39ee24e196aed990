import { defineConfig } from 'drizzle-kit';

// Migrations are generated from src/db/schema.ts and committed; the same SQL runs on
// PostgreSQL and on embedded PGlite.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: './drizzle',
});
