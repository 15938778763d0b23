import { createOrganization } from '../../tools/access/organizations.ts';
import { ToolError } from '../../tools/registry/errors.ts';
import type { Command } from '../command-catalogue.ts';
import type { Runtime } from '../runtime.ts';
import { commandUsage } from '../command-catalogue.ts';
import { parseOptions, printJson, required, UsageError } from '../usage.ts';

/** The tool's field names, as the flags a person typed. */
const FLAG_OF_FIELD: Record<string, string> = { base_currency: '--currency', time_zone: '--time-zone', owner_email: '--owner', name: '--name', slug: '--slug' };

export const orgCommandEntry: Command = { run: orgCommand, checkArgs: (args) => void parseOrgArgs(args) };

function parseOrgArgs(args: string[]) {
  const [sub, ...rest] = args;
  if (sub !== 'create') throw new UsageError(commandUsage('org'));
  const { values } = parseOptions(rest, {
    name: { type: 'string' },
    slug: { type: 'string' },
    currency: { type: 'string' },
    'time-zone': { type: 'string' },
    owner: { type: 'string' },
  });
  required(values.name, '--name');
  required(values.slug, '--slug');
  return values;
}

async function orgCommand(runtime: Runtime, args: string[]): Promise<number> {
  const values = parseOrgArgs(args);
  try {
    const organization = await createOrganization(runtime.database.prisma, {
      name: required(values.name, '--name'),
      slug: required(values.slug, '--slug'),
      baseCurrency: values.currency,
      timeZone: values['time-zone'],
      ownerEmail: values.owner,
    });
    printJson({
      id: organization.id,
      slug: organization.slug,
      name: organization.name,
      base_currency: organization.baseCurrency,
      time_zone: organization.timeZone,
      owner: organization.owner.email,
    });
    return 0;
  } catch (error) {
    if (error instanceof ToolError && error.code === 'invalid_input') throw new UsageError(error.message.replace(/^(\w+):/, (_match, field: string) => `${FLAG_OF_FIELD[field] ?? `--${field}`}:`));
    throw error;
  }
}
