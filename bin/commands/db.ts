import { migrate } from '../../db/migrate/migrate.ts';
import { seedDemoData } from '../seed-demo-data.ts';
import type { Command } from '../command-catalogue.ts';
import type { Runtime } from '../runtime.ts';
import { commandUsage } from '../command-catalogue.ts';
import { parseOptions, printJson, UsageError } from '../usage.ts';

export const dbCommandEntry: Command = { run: dbCommand, migrateFirst: (args) => args[0] !== 'migrate' };

async function dbCommand(runtime: Runtime, args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'migrate') {
    parseOptions(rest, {});
    const started = performance.now();
    const result = await migrate(runtime.database);
    printJson({ ...result, database: runtime.database.location, ms: Math.round(performance.now() - started) });
    for (const name of result.modified) process.stderr.write(`warning: migration ${name} changed after it was applied\n`);
    return 0;
  }
  if (sub === 'seed') {
    const { values } = parseOptions(rest, { org: { type: 'string' }, scale: { type: 'string' }, name: { type: 'string' } });
    const scale = values.scale === undefined ? 1 : Number(values.scale);
    if (!Number.isFinite(scale) || scale <= 0 || scale > 1000) throw new UsageError('--scale: give a number above 0 and at most 1000');
    const summary = await seedDemoData(runtime.database, { slug: values.org ?? 'demo', name: values.name, scale, today: new Date() });
    printJson(summary);
    return 0;
  }
  throw new UsageError(commandUsage('db'));
}
