import { migrate, readMigrations } from '../../db/migrate/migrate.ts';
import { OrganizationNotEmptyError } from '../../db/seed/organization-not-empty-error.ts';
import { ToolError } from '../../tools/registry/errors.ts';
import { adminCommandEntry, type AdminSubcommands } from '../admin-command.ts';
import { UsageError } from '../usage.ts';

export const DB_SUBCOMMANDS: AdminSubcommands = {
  migrate: {
    flags: [],
    async run(database) {
      const started = performance.now();
      const result = await migrate(database);
      return {
        output: { ...result, latest: readMigrations().at(-1)?.name ?? null, database: database.location, ms: Math.round(performance.now() - started) },
        notice: modifiedWarnings(result.modified),
      };
    },
    /**
     * The server migrated when it started; applying files that appeared since under it would change
     * the schema beneath code built for the old one, so it only confirms, or says to restart.
     */
    async inServer(database) {
      const started = performance.now();
      const files = readMigrations();
      const rows = await database.sql.query<{ migration_name: string; checksum: string }>(
        'SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
      );
      const applied = new Map(rows.map((row) => [row.migration_name, row.checksum]));
      const pending = files.filter((file) => !applied.has(file.name)).map((file) => file.name);
      if (pending.length) {
        throw new ToolError('conflict', `${pending.length} migration${pending.length === 1 ? ' is' : 's are'} newer than the running server's schema (${pending.join(', ')}). Stop \`crescendo start\` (Ctrl-C) and start it again: it applies them before serving (or run \`crescendo db migrate\` while it is stopped).`);
      }
      const modified = files.filter((file) => applied.get(file.name) !== file.checksum).map((file) => file.name);
      const latest = files.at(-1)?.name ?? null;
      return {
        output: { applied: [], alreadyApplied: files.length, modified, latest, database: database.location, ms: Math.round(performance.now() - started) },
        notice: [`The running server applied every migration when it started: the schema is current (latest ${latest ?? 'none'}).`, modifiedWarnings(modified)].filter(Boolean).join('\n'),
      };
    },
  },
  seed: {
    flags: ['org', 'scale', 'name'],
    async run(database, flags) {
      const scale = flags.scale === undefined ? 1 : Number(flags.scale);
      if (!Number.isFinite(scale) || scale <= 0 || scale > 1000) throw new UsageError('--scale: give a number above 0 and at most 1000');
      // The demo generator is big: loaded only by a seed, so `db migrate` starts fast.
      const { seedDemoData } = await import('../seed-demo-data.ts');
      try {
        return { output: await seedDemoData(database, { slug: flags.org ?? 'demo', name: flags.name, scale, today: new Date() }) };
      } catch (error) {
        // Not a fault: the slug is taken by an organisation with data, which the seed never touches.
        if (error instanceof OrganizationNotEmptyError) throw new ToolError('conflict', `--org: ${error.message}`);
        throw error;
      }
    },
  },
};

export const dbCommandEntry = adminCommandEntry('db', DB_SUBCOMMANDS, { migrateFirst: (args) => args[0] !== 'migrate' });

function modifiedWarnings(modified: readonly string[]): string {
  return modified.map((name) => `warning: migration ${name} changed after it was applied`).join('\n');
}
