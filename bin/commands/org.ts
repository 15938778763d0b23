import { createOrganization } from '../../tools/access/organizations.ts';
import { ToolError } from '../../tools/registry/errors.ts';
import { adminCommandEntry, type AdminSubcommands } from '../admin-command.ts';
import { UsageError } from '../usage.ts';

/** The tool's field names, as the flags a person typed. */
const FLAG_OF_FIELD: Record<string, string> = { base_currency: '--currency', time_zone: '--time-zone', owner_email: '--owner', name: '--name', slug: '--slug' };

export const ORG_SUBCOMMANDS: AdminSubcommands = {
  create: {
    flags: ['name', 'slug', 'currency', 'time-zone', 'owner'],
    required: ['name', 'slug'],
    async run(database, flags) {
      try {
        const organization = await createOrganization(database.prisma, {
          name: flags.name!,
          slug: flags.slug!,
          baseCurrency: flags.currency,
          timeZone: flags['time-zone'],
          ownerEmail: flags.owner,
        });
        return {
          output: {
            id: organization.id,
            slug: organization.slug,
            name: organization.name,
            base_currency: organization.baseCurrency,
            time_zone: organization.timeZone,
            owner: organization.owner.email,
          },
        };
      } catch (error) {
        if (error instanceof ToolError && error.code === 'invalid_input') throw new UsageError(error.message.replace(/^(\w+):/, (_match, field: string) => `${FLAG_OF_FIELD[field] ?? `--${field}`}:`));
        throw error;
      }
    },
  },
};

export const orgCommandEntry = adminCommandEntry('org', ORG_SUBCOMMANDS);
