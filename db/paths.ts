import { fileURLToPath } from 'node:url';

/** Folder of the SQL migrations, in Prisma's layout. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('./prisma/migrations', import.meta.url));
/** The Prisma schema the migrations must match. */
export const SCHEMA_PATH = fileURLToPath(new URL('./prisma/schema.prisma', import.meta.url));
