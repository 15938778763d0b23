import type { PrismaClient } from '../../db/generated/prisma/client.ts';
import type { AgentConfirmationStatus } from '../../db/generated/prisma/enums.ts';
import { scopeToOrganization, type TenantClient } from '../../tools/registry/tenant-scope.ts';
import type { Principal } from '../../tools/registry/runner.ts';

/** A change the agent proposed, as every surface shows it. */
export interface PendingConfirmation {
  id: string;
  threadId: string;
  toolCallId: string;
  tool: string;
  /** The tool's catalogue title. */
  title: string;
  /** The input as the registry validated it. */
  input: unknown;
  /** The call in words, as a question ("Pause campaign 'Summer Hearts'?"). */
  summary: string;
  proposedById: string | null;
}

export type ConfirmationDecision = 'confirm' | 'cancel';

/** What a confirmed call returned, kept so a repeated confirm answers the same. */
export type ConfirmationOutcome = { ok: true; output: unknown } | { ok: false; error: { code: string; message: string } };

export interface DecidedConfirmation {
  id: string;
  status: Exclude<AgentConfirmationStatus, 'PENDING'>;
  outcome: ConfirmationOutcome | null;
}

/**
 * The agent's proposed changes, per organisation (through the registry's tenant scope). A decision
 * is claimed with one conditional update (PENDING to CONFIRMED or CANCELLED), so of two confirms
 * racing, one runs the call and the other reads what it did.
 */
export class ConfirmationStore {
  constructor(private readonly prisma: PrismaClient) {}

  async propose(orgId: string, proposals: readonly PendingConfirmation[]): Promise<void> {
    if (!proposals.length) return;
    await this.db(orgId).agentConfirmation.createMany({
      data: proposals.map((proposal) => ({
        id: proposal.id, organizationId: orgId, threadId: proposal.threadId, toolCallId: proposal.toolCallId, tool: proposal.tool,
        input: (proposal.input ?? {}) as object, summary: proposal.summary, proposedById: proposal.proposedById,
      })),
    });
  }

  /** true when this call made the decision; false when it had already been made (or the id is not in the thread). */
  async claim(principal: Principal, threadId: string, id: string, decision: ConfirmationDecision): Promise<boolean> {
    const claimed = await this.db(principal.orgId).agentConfirmation.updateMany({
      where: { id, threadId, status: 'PENDING' },
      data: { status: decision === 'confirm' ? 'CONFIRMED' : 'CANCELLED', decidedById: principal.userId, decidedAt: new Date() },
    });
    return claimed.count === 1;
  }

  async find(orgId: string, threadId: string, id: string): Promise<(DecidedConfirmation & { pending: boolean }) | null> {
    const row = await this.db(orgId).agentConfirmation.findFirst({ where: { id, threadId }, select: { id: true, status: true, outcome: true } });
    if (!row) return null;
    return { id: row.id, pending: row.status === 'PENDING', status: row.status === 'PENDING' ? 'CANCELLED' : row.status, outcome: (row.outcome as ConfirmationOutcome | null) ?? null };
  }

  /** The thread's proposals that wait for a decision. */
  async pending(orgId: string, threadId: string): Promise<PendingConfirmation[]> {
    const rows = await this.db(orgId).agentConfirmation.findMany({ where: { threadId, status: 'PENDING' }, orderBy: { createdAt: 'asc' } });
    return rows.map((row) => ({ id: row.id, threadId: row.threadId, toolCallId: row.toolCallId, tool: row.tool, title: row.tool, input: row.input, summary: row.summary, proposedById: row.proposedById }));
  }

  /** Decisions on these proposals (by id): confirmed or cancelled; missing ones are still pending. */
  async decisions(orgId: string, ids: readonly string[]): Promise<Map<string, AgentConfirmationStatus>> {
    const rows = await this.db(orgId).agentConfirmation.findMany({ where: { id: { in: [...ids] } }, select: { id: true, status: true } });
    return new Map(rows.map((row) => [row.id, row.status]));
  }

  /** A new question while changes wait: they lapse, as cancelled (the model is told they were not made). */
  async lapse(principal: Principal, ids: readonly string[]): Promise<void> {
    if (!ids.length) return;
    await this.db(principal.orgId).agentConfirmation.updateMany({ where: { id: { in: [...ids] }, status: 'PENDING' }, data: { status: 'CANCELLED', decidedById: principal.userId, decidedAt: new Date() } });
  }

  async recordOutcome(orgId: string, id: string, outcome: ConfirmationOutcome): Promise<void> {
    await this.db(orgId).agentConfirmation.updateMany({ where: { id }, data: { outcome: outcome as object } });
  }

  private db(orgId: string): TenantClient {
    return scopeToOrganization(this.prisma, orgId, { write: true, approvals: false, access: false });
  }
}
