import { z } from 'zod';
import { defineTool } from '../../registry/define-tool.ts';
import { platformInput, toPlatformColumn } from './post-fields.ts';
import { SOCIAL_ACCOUNT_COLUMNS, socialAccountOutput, toSocialAccountOutput } from './social-account-view.ts';

export const listSocialAccounts = defineTool({
  name: 'list_social_accounts',
  title: 'List social accounts',
  description: 'The connected social accounts posts can be published from, with their status (connected, expired: reconnect it, revoked) and token expiry. Never shows tokens.',
  area: 'content',
  access: 'read',
  permission: 'content:read',
  input: z.object({ platform: platformInput.optional() }),
  output: z.object({ accounts: z.array(socialAccountOutput) }),
  example: { platform: 'instagram' },
  async handler(ctx, input) {
    const accounts = await ctx.db.socialAccount.findMany({
      where: input.platform ? { platform: toPlatformColumn(input.platform) } : {},
      select: SOCIAL_ACCOUNT_COLUMNS,
      orderBy: [{ platform: 'asc' }, { displayName: 'asc' }],
      take: 200,
    });
    return { accounts: accounts.map(toSocialAccountOutput) };
  },
});
