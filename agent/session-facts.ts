import type { PrismaClient } from '../db/generated/prisma/client.ts';
import { ToolError } from '../tools/registry/errors.ts';
import type { Principal } from '../tools/registry/runner.ts';
import type { AgentContext } from './context/question-context.ts';
import { resolveQuestionPlace } from './context/resolve-context.ts';
import type { SessionFacts } from './prompt/system-prompt.ts';

/** Organisation, user, date and where the question comes from, for the session part of the instructions. */
export async function loadSessionFacts(prisma: PrismaClient, principal: Principal, now: Date, context?: AgentContext): Promise<Omit<SessionFacts, 'threadSummary'>> {
  const organization = await prisma.organization.findUnique({ where: { id: principal.orgId } });
  if (!organization) throw new ToolError('not_found', `No organisation with id ${principal.orgId}.`);
  const user = principal.userId ? await prisma.user.findUnique({ where: { id: principal.userId }, select: { email: true } }) : null;
  return {
    organization: { id: organization.id, slug: organization.slug, name: organization.name, baseCurrency: organization.baseCurrency, timeZone: organization.timeZone },
    role: principal.role,
    userEmail: user?.email ?? null,
    now,
    place: await resolveQuestionPlace(prisma, principal, context),
  };
}
