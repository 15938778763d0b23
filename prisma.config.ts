// Prisma CLI configuration. The CLI is only used offline here (generate, validate, format);
// migrations are applied by `crescendo db migrate` (db/migrate/), which records them as Prisma does.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'db/prisma/schema.prisma',
  migrations: { path: 'db/prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/crescendo' },
});
