import type { ApiClient } from '../../api/client.ts';
import type { PostDraft } from './post-draft.ts';
import { contentChanges } from './editor/draft-conversions.ts';
import type { PublishChoice } from './editor/publish-fields.tsx';

/** What schedule_post answers over HTTP: an approval tool files a request rather than acting. */
export interface ApprovalFiled {
  approval_id: string;
  status: 'pending';
  preview: string;
}

/**
 * Saves a post's edits and its account (update_post, only what changed), then asks for approval at
 * the chosen time (schedule_post). Nothing is published until another person approves it.
 */
export async function saveAndSchedule(api: ApiClient, input: { postId: string; before: PostDraft; after: PostDraft; accountBefore: string | null; choice: PublishChoice; timeZone: string }): Promise<ApprovalFiled> {
  await savePost(api, input);
  const filed = await api.callTool('schedule_post', { post_id: input.postId, scheduled_at: input.choice.localTime, time_zone: input.timeZone });
  return filed as unknown as ApprovalFiled;
}

export async function savePost(api: ApiClient, input: { postId: string; before: PostDraft; after: PostDraft; accountBefore: string | null; choice: PublishChoice }) {
  const changes = contentChanges(input.before, input.after);
  const account = input.choice.accountId && input.choice.accountId !== input.accountBefore ? { social_account_id: input.choice.accountId } : {};
  if (!Object.keys(changes).length && !Object.keys(account).length) return null;
  return api.callTool('update_post', { post_id: input.postId, ...changes, ...account });
}
