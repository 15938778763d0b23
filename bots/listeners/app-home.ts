import type { App } from '@slack/bolt';
import { digestSummary } from '../../jobs/handlers/digest-message.ts';
import type { ApprovalView } from '../../tools/approvals/approval-view.ts';
import type { DailyDigest } from '../../tools/insights/daily-digest.ts';
import { can } from '../../tools/registry/roles.ts';
import type { Principal } from '../../tools/registry/runner.ts';
import { HOME_APPROVALS_SHOWN, homeView, HOW_TO_ASK, type HomeContent } from '../render/home-view.ts';
import { header, section } from '../render/slack-limits.ts';
import type { SlackContext } from '../slack-context.ts';

/**
 * The App Home tab, published each time someone opens it: the requests they may decide, today's
 * digest headline and how to ask. Everything comes from tools run as that member, so the tab
 * shows only what their role may see.
 */
export function registerAppHome(app: App, ctx: SlackContext): void {
  app.event('app_home_opened', async ({ event, body, client }) => {
    if (event.tab !== 'home') return;
    const identity = await ctx.identities.resolve(client, body.team_id, event.user);
    const view = identity.ok
      ? homeView({ ...(await decidableApprovals(ctx, identity.principal)), digestHeadline: await digestHeadline(ctx, identity.principal), webUrl: ctx.webUrl() })
      : { type: 'home' as const, blocks: [header('Crescendo'), section(identity.message), section(HOW_TO_ASK)] };
    await client.views.publish({ user_id: event.user, view });
  });
}

async function decidableApprovals(ctx: SlackContext, principal: Principal): Promise<Pick<HomeContent, 'decidable' | 'moreWaiting' | 'approvalsError'>> {
  if (!can(principal.role, 'approvals:decide')) return { decidable: null, moreWaiting: false };
  const result = await ctx.runner.call('list_approvals', { status: 'pending', limit: 50 }, principal);
  if (!result.ok) return { decidable: [], moreWaiting: false, approvalsError: result.error.message };
  const { rows, next_cursor: next } = result.output as { rows: ApprovalView[]; next_cursor: string | null };
  // Nobody decides their own request, so those are not theirs to act on here.
  const theirs = rows.filter((row) => !row.requested_by_you);
  return { decidable: theirs.slice(0, HOME_APPROVALS_SHOWN), moreWaiting: theirs.length > HOME_APPROVALS_SHOWN || next !== null };
}

async function digestHeadline(ctx: SlackContext, principal: Principal): Promise<string> {
  const result = await ctx.runner.call('daily_digest', {}, principal);
  if (!result.ok) return `The digest is not available right now: ${result.error.message}`;
  return digestSummary(result.output as DailyDigest);
}
