import type { PrismaClient } from '../../db/generated/prisma/client.ts';
import type { Database } from '../../db/database.ts';
import type { AnyTool } from '../registry/define-tool.ts';
import { GLOBAL_MODELS } from '../registry/tenant-scope.ts';
import type { TestOrganization } from './fixtures.ts';

/**
 * For every id field a tool can take (`vendor_id`, `approval_id`...), how to create such a record
 * in a given organisation. The registry-wide tenancy test calls every tool with another
 * organisation's ids; a new tool with a new id field fails that test until it has a factory here.
 */
export const ID_FACTORIES: Record<string, (prisma: PrismaClient, org: TestOrganization) => Promise<string>> = {
  approval_id: async (prisma, org) => {
    const request = await prisma.approvalRequest.create({
      data: { organizationId: org.id, action: 'fixture_pay_vendor', payload: { vendor: 'x', amount: 1 }, preview: 'Pay x', requestedById: org.ownerId, requestedVia: 'CLI' },
    });
    return request.id;
  },
};

/** Top-level input fields naming a record: `*_id` and `*_ids`. */
export function idFieldsOf(tool: AnyTool): string[] {
  return Object.keys(tool.input.shape ?? {}).filter((key) => /_ids?$/.test(key));
}

/** The example with its id fields pointed at `ids` (a random uuid where none is given). */
export function withIds(example: unknown, fields: string[], ids: Record<string, string>): Record<string, unknown> {
  const input = { ...(example as Record<string, unknown>) };
  for (const field of fields) {
    const singular = field.replace(/_ids$/, '_id');
    const id = ids[singular] ?? '01900000-0000-7000-8000-000000000000';
    input[field] = field.endsWith('_ids') ? [id] : id;
  }
  return input;
}

/** A digest of every row an organisation owns, to prove a call changed none of them. */
export async function organizationFingerprint(database: Database, organizationId: string): Promise<string> {
  const tables = await database.sql.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.columns WHERE table_schema = current_schema() AND column_name = 'organizationId' ORDER BY table_name`,
  );
  const parts: string[] = [];
  for (const { table_name: table } of tables) {
    if (GLOBAL_MODELS.has(table) || table === 'ToolCall') continue; // the audit log grows by design
    const [row] = await database.sql.query<{ digest: string | null }>(
      `SELECT md5(string_agg(t::text, '|' ORDER BY t.id)) AS digest FROM "${table}" t WHERE t."organizationId" = $1`,
      [organizationId],
    );
    parts.push(`${table}:${row?.digest ?? 'empty'}`);
  }
  return parts.join(',');
}
