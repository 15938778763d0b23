import { z } from 'zod';
import type { Prisma } from '../../../db/generated/prisma/client.ts';
import type { AdAccountStatus } from '../../../db/generated/prisma/enums.ts';
import { defineTool } from '../../registry/define-tool.ts';
import { nextCursorOutput, pageInput, pageQuery, toPage } from '../../registry/pagination.ts';
import { ACCOUNT_STATUSES, accountRow, accountRows, platformInput, toDbPlatform } from './account-records.ts';

export const listAdAccounts = defineTool({
  name: 'list_ad_accounts',
  title: 'List ad accounts',
  description:
    "Lists the connected ad accounts (Meta, Google Ads, TikTok...) with status, manager hierarchy, last sync (outcome, error, rows), alert limits and recent cost (yesterday, month to date) in each account's currency. Accounts needing re-authorisation come first.",
  area: 'ads',
  access: 'read',
  permission: 'ads:read',
  keywords: ['ad accounts', 'facebook ads', 'google ads', 'tiktok ads', 'connected accounts', 'sync health'],
  input: z.object({
    platform: platformInput.optional().describe('Only this platform.'),
    status: z.enum(ACCOUNT_STATUSES).optional().describe('Only accounts in this state.'),
    ...pageInput,
  }),
  output: z.object({
    rows: z.array(accountRow),
    needs_reauth: z.number().int().describe('Accounts (of every page) waiting for someone to connect them again.'),
    next_cursor: nextCursorOutput,
  }),
  example: { platform: 'meta' },
  async handler(ctx, input) {
    const page = pageQuery(input, 'asc');
    const where: Prisma.AdAccountWhereInput = {
      ...(input.platform ? { platform: toDbPlatform(input.platform) } : {}),
      ...(input.status ? { status: input.status.toUpperCase() as AdAccountStatus } : {}),
    };
    const needsReauth = await ctx.db.adAccount.count({ where: { ...where, status: 'NEEDS_REAUTH' } });
    // Accounts needing re-authorisation lead the first page; the rest follow in creation order.
    const urgent = !input.cursor && input.status === undefined ? await ctx.db.adAccount.findMany({ where: { ...where, status: 'NEEDS_REAUTH' }, orderBy: { id: 'asc' }, take: input.limit }) : [];
    const rest = toPage(
      await ctx.db.adAccount.findMany({
        where: { ...where, ...page.idAfter, ...(input.status === undefined ? { status: { not: 'NEEDS_REAUTH' } } : {}) },
        take: Math.max(1, input.limit - urgent.length) + 1,
        orderBy: page.orderBy,
      }),
      Math.max(1, input.limit - urgent.length),
    );
    return { rows: await accountRows(ctx, [...urgent, ...rest.rows]), needs_reauth: needsReauth, next_cursor: rest.nextCursor };
  },
});
