import type { PrismaClient } from '../../db/generated/prisma/client.ts';
import type { ToolDb } from './tenant-scope.ts';
import { uuidV7 } from '../../db/uuid-v7.ts';
import { replaceUnstorable } from '../common/storable-text.ts';
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
 * Appends the audit row for one call of a known organisation: inside a write tool's transaction
 * when it succeeds (no write without its audit row), outside it otherwise (failures are kept too).
 */
export async function recordToolCall(db: PrismaClient | ToolDb, record: ToolCallRecord): Promise<void> {
  const { principal, result } = record;
  // Raw SQL, because the tenant scope lets no tool write ToolCall rows: only this function does.
  await db.$executeRaw`
    INSERT INTO "ToolCall" (id, "organizationId", tool, "userId", role, surface, outcome, "errorCode", "durationMs", input)
    VALUES (${uuidV7()}, ${principal.orgId}, ${replaceUnstorable(record.tool.slice(0, 200))}, ${principal.userId}, ${principal.role}::"Role", ${principal.surface}::"Surface",
            ${result.ok ? 'OK' : 'ERROR'}::"ToolOutcome", ${result.ok ? null : result.error.code}, ${record.durationMs}, ${JSON.stringify(auditableInput(record.input))}::jsonb)`;
}

/**
 * The input as recorded: bounded in size, and with the characters jsonb cannot hold (NUL, lone
 * surrogates) replaced, so the refusal of such an input is audited like any other failure.
 */
function auditableInput(input: unknown): object {
  if (input === undefined || input === null) return {};
  const text = JSON.stringify(input);
  if (text.length > MAX_AUDITED_INPUT_CHARS) return { truncated: true, characters: text.length, head: replaceUnstorable(text.slice(0, 500)) };
  const storable = storableCopy(input);
  return typeof storable === 'object' && storable !== null ? storable : { value: storable };
}

function storableCopy(value: unknown): unknown {
  if (typeof value === 'string') return replaceUnstorable(value);
  if (Array.isArray(value)) return value.map(storableCopy);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [replaceUnstorable(key), storableCopy(item)]));
}

/** The input with the tool's secret fields replaced, so a token never reaches an audit row. */
export function withoutSecrets(input: unknown, secretInputs: readonly string[] | undefined): unknown {
  if (!secretInputs?.length || typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  return Object.fromEntries(Object.entries(input).map(([key, value]) => [key, secretInputs.includes(key) && value !== undefined && value !== null ? '[redacted]' : value]));
}
