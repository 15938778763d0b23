import { createApiToken } from '../../tools/access/api-tokens.ts';
import { parseRole, resolveOrganization } from '../command-context.ts';
import type { Runtime } from '../runtime.ts';
import { commandUsage } from '../command-catalogue.ts';
import { parseOptions, printJson, required, UsageError } from '../usage.ts';

export async function tokenCommand(runtime: Runtime, args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'create') throw new UsageError(commandUsage('token'));
  const { values } = parseOptions(rest, { org: { type: 'string' }, role: { type: 'string' }, user: { type: 'string' }, name: { type: 'string' } });
  const organization = await resolveOrganization(runtime, values.org);
  const role = parseRole(required(values.role, '--role'), 'VIEWER');
  const issued = await createApiToken(runtime.database.prisma, {
    organizationId: organization.id,
    email: required(values.user, '--user'),
    role,
    name: values.name,
  });
  printJson({ token: issued.token, id: issued.id, organization: organization.slug, user: issued.email, role: issued.role });
  process.stderr.write('Store this token now: it cannot be shown again.\n');
  return 0;
}
