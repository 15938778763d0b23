import type { PrismaClient } from '../../db/generated/prisma/client.ts';
import type { AnyTool } from '../../tools/registry/define-tool.ts';
import { scopeToOrganization } from '../../tools/registry/tenant-scope.ts';

/** Id fields whose record a person knows by name, with the word for it. */
const NAMED_RECORDS = {
  campaign_id: { noun: 'campaign', find: 'campaignGroup' },
  vendor_id: { noun: 'vendor', find: 'vendor' },
  client_id: { noun: 'client', find: 'client' },
  playlist_id: { noun: 'playlist', find: 'playlist' },
} as const;

/** A status change said as the action it is. */
const STATUS_VERBS: Record<string, string> = { paused: 'Pause', active: 'Resume', completed: 'Complete', archived: 'Archive', inactive: 'Deactivate' };

const VALUE_CHARS = 80;

/**
 * The proposed call as a question a person answers with Confirm or Cancel: "Pause campaign
 * 'Summer Hearts'?", "Update a campaign 'Summer Hearts': name 'Autumn Hearts'?". Ids are replaced
 * by the names of the records they point to (read in the organisation's scope), so nobody confirms
 * a change to something they cannot recognise; other fields are listed as given. A title that ends
 * with the record's noun ("Pay a vendor") is followed by the name alone, not the noun again.
 */
export async function describeCall(prisma: PrismaClient, orgId: string, tool: AnyTool, input: Record<string, unknown>): Promise<string> {
  const db = scopeToOrganization(prisma, orgId, { write: false, approvals: false, access: false });
  const subjects: Array<{ noun: string; name: string }> = [];
  const details: string[] = [];
  for (const [field, value] of Object.entries(input)) {
    if (value === undefined) continue;
    const named = NAMED_RECORDS[field as keyof typeof NAMED_RECORDS];
    if (named && typeof value === 'string') {
      const delegate = (db as unknown as Record<string, { findFirst(args: object): Promise<{ name: string } | null> }>)[named.find]!;
      const record = await delegate.findFirst({ where: { id: value }, select: { name: true } }).catch(() => null);
      subjects.push({ noun: named.noun, name: record ? `'${record.name}'` : `${value} (not found)` });
    } else if (!(field === 'status' && typeof value === 'string' && STATUS_VERBS[value])) {
      details.push(`${field.replaceAll('_', ' ')} ${shown(value)}`);
    }
  }
  const status = typeof input.status === 'string' ? STATUS_VERBS[input.status] : undefined;
  const withNouns = subjects.map((subject) => `${subject.noun} ${subject.name}`);
  // "Pay a vendor 'Pulse Media'", not "Pay a vendor vendor 'Pulse Media'".
  const titled = subjects.findIndex((subject) => tool.title.toLowerCase().endsWith(` ${subject.noun}`));
  const afterTitle = subjects.map((subject, index) => (index === titled ? subject.name : withNouns[index]));
  const head = status ? `${status} ${withNouns.join(', ') || tool.title.toLowerCase()}` : [tool.title, afterTitle.join(', ')].filter(Boolean).join(' ');
  return `${head}${details.length ? `: ${details.join(', ')}` : ''}?`;
}

function shown(value: unknown): string {
  const text = typeof value === 'string' ? `'${value}'` : value === null ? 'cleared' : JSON.stringify(value);
  return text.length > VALUE_CHARS ? `${text.slice(0, VALUE_CHARS)}…` : text;
}
