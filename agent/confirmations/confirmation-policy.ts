import type { ModelMessage } from 'ai';
import type { PrismaClient } from '../../db/generated/prisma/client.ts';
import { answersQuestions } from '../../tools/registry/define-tool.ts';
import type { Principal, ToolRunner } from '../../tools/registry/runner.ts';
import { loadAgentSettings } from '../../tools/usage/agent-settings.ts';
import type { ApprovalRequestPart } from '../relay-stream.ts';

/**
 * The tools this principal's agent may not run until the person confirms: every write tool and
 * every approval tool (confirmation first, then the approver), except those the organisation's
 * agent settings let run at once. Tools that only record their own result (they answer a question
 * and change nothing anyone relies on) run freely, like reads.
 */
export async function toolsNeedingConfirmation(runner: ToolRunner, prisma: PrismaClient, principal: Principal): Promise<Set<string>> {
  const settings = await loadAgentSettings(prisma, principal.orgId);
  const unasked = new Set(settings.tools_without_confirmation);
  return new Set(runner.catalogue.list({ role: principal.role, surface: 'AGENT' })
    .filter((tool) => tool.access !== 'read' && !answersQuestions(tool) && !unasked.has(tool.name))
    .map((tool) => tool.name));
}

interface Part { type: string; approvalId?: string; toolCallId?: string; toolName?: string; input?: unknown }

/** The approval requests of the thread's last proposing message that no later message answered. */
export function openApprovalRequests(history: readonly ModelMessage[]): ApprovalRequestPart[] {
  const index = history.findLastIndex((message) => message.role === 'assistant' && partsOf(message).some((part) => part.type === 'tool-approval-request'));
  if (index < 0) return [];
  const parts = partsOf(history[index]!);
  const answered = new Set(history.slice(index + 1).flatMap(partsOf).filter((part) => part.type === 'tool-result' || part.type === 'tool-approval-response').map((part) => part.toolCallId ?? part.approvalId));
  return parts
    .filter((part) => part.type === 'tool-approval-request' && !answered.has(part.approvalId) && !answered.has(part.toolCallId))
    .map((request) => {
      const call = parts.find((part) => part.type === 'tool-call' && part.toolCallId === request.toolCallId);
      return { approvalId: request.approvalId!, toolCallId: request.toolCallId!, toolName: call?.toolName ?? '', input: call?.input ?? {} };
    });
}

function partsOf(message: ModelMessage): Part[] {
  return Array.isArray(message.content) ? (message.content as Part[]) : [];
}
