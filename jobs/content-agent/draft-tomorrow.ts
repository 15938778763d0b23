import type { JobDeps } from '../define-job.ts';
import { callTool, JobToolError } from '../job-principal.ts';
import { claimScheduleOccurrence } from '../schedule-claims.ts';
import type { ReleaseOutcome } from './content-agent-message.ts';
import { agentRequester, callToolAs } from './job-requester.ts';

interface Release { id: string; title: string; artist: string }
interface Account { social_account_id: string; platform: string; status: string }
interface Generated { drafts: Array<{ post_id: string; platform: string }>; failed: Array<{ platform: string; reason: string }> }
interface Suggestions { suggestions: Array<{ platform: string; scheduled_at: string; local_time: string }> }

export interface Drafting {
  releases: ReleaseOutcome[];
  /** Why nothing was drafted (no model, no connected account, no owner), when so. */
  skipped: string | null;
}

/** The style of the agent's daily drafts. */
const DAILY_STYLE = 'promotional';

/**
 * For each release in its promo window on `tomorrow`: drafts one post per connected platform with
 * generate_posts, gives each the platform's account, and files it for approval (schedule_post) at
 * post_suggestions' best free hour tomorrow. A platform that already has a post tomorrow gets no
 * suggestion, so its draft stays a draft for a person to place.
 *
 * Once per release and day: the release is claimed (a ScheduleRun row per release, the schedules'
 * own once-only claim) before the model writes, so a rerun or a second worker never drafts it
 * twice; a claim whose drafting failed before anything was stored is given back.
 */
export async function draftTomorrow(deps: JobDeps, organizationId: string, tomorrow: string, tomorrowStartsAt: Date): Promise<Drafting> {
  const releases = (await callTool<{ rows: Release[] }>(deps, organizationId, 'list_releases', { promo_on: tomorrow, limit: 100 })).rows;
  if (!releases.length) return { releases: [], skipped: null };
  const accounts = new Map<string, string>();
  for (const account of (await callTool<{ accounts: Account[] }>(deps, organizationId, 'list_social_accounts', {})).accounts) {
    if (account.status === 'connected' && !accounts.has(account.platform)) accounts.set(account.platform, account.social_account_id);
  }
  if (!accounts.size) return { releases: [], skipped: 'no connected social account to publish from (connect one and the agent drafts for its platforms).' };
  const requester = await agentRequester(deps, organizationId);
  if (!requester) return { releases: [], skipped: 'the organisation has no owner to file the approval requests.' };

  const outcomes: ReleaseOutcome[] = [];
  for (const release of releases) {
    const outcome: ReleaseOutcome = { title: release.title, artist: release.artist, filed: [], leftAsDrafts: [], notWritten: [] };
    outcomes.push(outcome);
    const claim = `content.agent.release.${release.id}`;
    if (!(await claimScheduleOccurrence(deps.prisma, organizationId, claim, tomorrowStartsAt))) {
      outcome.skipped = 'Already drafted for tomorrow by an earlier run.';
      continue;
    }
    let generated: Generated;
    try {
      generated = await callTool<Generated>(deps, organizationId, 'generate_posts', { release_id: release.id, platforms: [...accounts.keys()], style: DAILY_STYLE, count: 1 });
    } catch (error) {
      await deps.prisma.scheduleRun.deleteMany({ where: { organizationId, job: claim } });
      if (error instanceof JobToolError && error.code === 'unavailable') {
        const reason = toolMessage(error);
        deps.log.warn('content agent: drafting skipped', { organizationId, reason });
        return { releases: [], skipped: reason };
      }
      if (error instanceof JobToolError && !error.retryable) {
        outcome.skipped = `Not drafted: ${toolMessage(error)}`;
        continue;
      }
      throw error;
    }
    outcome.notWritten.push(...generated.failed);
    await fileForApproval(deps, organizationId, requester, tomorrow, accounts, generated, outcome);
  }
  return { releases: outcomes, skipped: null };
}

async function fileForApproval(
  deps: JobDeps,
  organizationId: string,
  requester: NonNullable<Awaited<ReturnType<typeof agentRequester>>>,
  tomorrow: string,
  accounts: Map<string, string>,
  generated: Generated,
  outcome: ReleaseOutcome,
): Promise<void> {
  const platforms = [...new Set(generated.drafts.map((draft) => draft.platform))];
  if (!platforms.length) return;
  const { suggestions } = await callTool<Suggestions>(deps, organizationId, 'post_suggestions', { platforms, from: tomorrow, days: 1, limit: 50 });
  const slots = new Map(suggestions.map((slot) => [slot.platform, slot]));
  for (const draft of generated.drafts) {
    const slot = slots.get(draft.platform);
    if (!slot) {
      outcome.leftAsDrafts.push({ platform: draft.platform, reason: `tomorrow already has a ${draft.platform} post, so post_suggestions offered no free hour` });
      continue;
    }
    slots.delete(draft.platform);
    try {
      await callTool(deps, organizationId, 'update_post', { post_id: draft.post_id, social_account_id: accounts.get(draft.platform) });
      await callToolAs(deps, requester, 'schedule_post', { post_id: draft.post_id, scheduled_at: slot.scheduled_at });
      outcome.filed.push({ platform: draft.platform, localTime: slot.local_time });
    } catch (error) {
      if (!(error instanceof JobToolError) || error.retryable) throw error;
      outcome.leftAsDrafts.push({ platform: draft.platform, reason: `${error.tool}: ${toolMessage(error)}` });
    }
  }
}

/** The tool's own words, without the "tool failed (code):" the job error adds for logs. */
function toolMessage(error: JobToolError): string {
  const prefix = `${error.tool} failed (${error.code}): `;
  return error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
}
