import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * Every environment variable Crescendo reads, parsed once at start-up. Nothing else reads
 * process.env: the values reach the rest of the code as arguments.
 */
const environment = z.object({
  CRESCENDO_DATA_DIR: z.string().default('./.crescendo').describe('Folder of the embedded database (PGlite) and local state.'),
  DATABASE_URL: z.string().url().optional().describe('Postgres 15+ connection string; when set, the embedded database is not used.'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000).describe('HTTP port of `crescendo start`.'),
  HOST: z.string().default('127.0.0.1').describe('Interface `crescendo start` listens on (0.0.0.0 to accept remote connections).'),
  CRESCENDO_PUBLIC_URL: z.string().url().optional().describe('Public base URL, used in approval links; default http://localhost:PORT.'),
  CRESCENDO_LOG_LEVEL: z.enum(['silent', 'error', 'warn', 'info']).default('info').describe('How much the server logs to stderr.'),
});

export type Config = {
  dataDir: string;
  databaseUrl: string | undefined;
  port: number;
  host: string;
  publicUrl: string;
  logLevel: 'silent' | 'error' | 'warn' | 'info';
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: { port?: number } = {}): Config {
  // An empty variable (`DATABASE_URL=`) means unset, as it does in shells and .env files.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = environment.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new ConfigError(`Invalid environment: ${problems}`);
  }
  const values = parsed.data;
  const port = overrides.port ?? values.PORT;
  return {
    dataDir: resolve(values.CRESCENDO_DATA_DIR),
    databaseUrl: values.DATABASE_URL,
    port,
    host: values.HOST,
    publicUrl: (values.CRESCENDO_PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, ''),
    logLevel: values.CRESCENDO_LOG_LEVEL,
  };
}

/** For the README and `crescendo --help`: every variable with its description. */
export function describeEnvironment(): Array<{ name: string; description: string }> {
  return Object.entries(environment.shape).map(([name, schema]) => ({ name, description: schema.description ?? '' }));
}
