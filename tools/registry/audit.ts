import type { PrismaClient } from '../../db/generated/prisma/client.ts';
import type { Principal, ToolResult } from './runner.ts';

const MAX_AUDITED_INPUT_CHARS = 8_000;

export interface ToolCallRecord {
  principal: Principal;
  tool: string;
  input: unknown;
  result: ToolResult;
  durationMs: number;
}

/**
 * Appends the audit row for one call of a known organisation. It is written outside the tool's
 * transaction, so calls that failed or rolled back are kept too.
 */
export async function recordToolCall(prisma: PrismaClient, record: ToolCallRecord): Promise<void> {
  const { principal, result } = record;
  await prisma.toolCall.create({
    data: {
      organizationId: principal.orgId,
      tool: record.tool.slice(0, 200),
      userId: principal.userId,
      role: principal.role,
      surface: principal.surface,
      outcome: result.ok ? 'OK' : 'ERROR',
      errorCode: result.ok ? null : result.error.code,
      durationMs: record.durationMs,
      input: auditableInput(record.input),
    },
  });
}

function auditableInput(input: unknown): object {
  if (input === undefined || input === null) return {};
  const text = JSON.stringify(input);
  if (text.length > MAX_AUDITED_INPUT_CHARS) return { truncated: true, characters: text.length, head: text.slice(0, 500) };
  return typeof input === 'object' ? (input as object) : { value: input };
}
