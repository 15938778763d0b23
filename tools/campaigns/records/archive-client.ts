import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { recordActivity } from './activity.ts';
import { clientView, toClientView } from './client-view.ts';
import { EXAMPLE_ID, idInput } from './inputs.ts';
import { requireClient } from './lookups.ts';

export const archiveClient = defineTool({
  name: 'archive_client',
  title: 'Archive a client',
  description:
    'Archives a client: it leaves list_clients (unless include_archived) and campaign sheets may no longer name it (import_campaigns); its campaigns, placements and figures stay. update_client with is_active: true restores it. Archiving again changes nothing.',
  area: 'campaigns',
  access: 'write',
  permission: 'campaigns:write',
  hints: { idempotent: true },
  input: z.object({ client_id: idInput.describe('Id of the client (list_clients).') }),
  output: clientView.extend({ already_archived: z.boolean() }),
  example: { client_id: EXAMPLE_ID },
  async handler(ctx, input) {
    const before = await requireClient(ctx.db, input.client_id);
    if (!before.isActive) return { ...toClientView(before), already_archived: true };
    const client = await ctx.db.client.update({ where: { id: before.id }, data: { isActive: false } });
    await recordActivity(ctx, { subjectType: 'client', subjectId: client.id, kind: 'archived', summary: `Client ${client.name} archived (campaigns kept)` });
    return { ...toClientView(client), already_archived: false };
  },
});
