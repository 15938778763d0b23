import { createApiToken } from '../../tools/access/api-tokens.ts';
import { adminCommandEntry, type AdminSubcommands } from '../admin-command.ts';
import { findCliOrganization, parseRole } from '../command-context.ts';

export const TOKEN_SUBCOMMANDS: AdminSubcommands = {
  create: {
    flags: ['org', 'role', 'user', 'name'],
    required: ['org', 'role', 'user'],
    async run(database, flags) {
      const organization = await findCliOrganization(database.prisma, flags.org);
      const issued = await createApiToken(database.prisma, { organizationId: organization.id, email: flags.user!, role: parseRole(flags.role, 'VIEWER'), name: flags.name });
      return {
        output: { token: issued.token, id: issued.id, organization: organization.slug, user: issued.email, role: issued.role },
        notice: 'Store this token now: it cannot be shown again.',
      };
    },
  },
};

export const tokenCommandEntry = adminCommandEntry('token', TOKEN_SUBCOMMANDS);
