import { useState } from 'react';
import { ApiError } from '../../../api/api-error.ts';
import type { ToolOutput } from '../../../api/tool-types.ts';
import { useTool } from '../../../api/use-tool.ts';
import { useMe } from '../../../auth/organization.tsx';
import { useApi } from '../../../auth/session.tsx';
import { PageHeader, Panel } from '../../../components/layout-parts.tsx';
import { Loaded } from '../../../components/states.tsx';
import { Link } from '../../../router.tsx';
import { statusLabel } from '../calendar/calendar-post.ts';
import { describeLocalTime, localTimeOf } from '../calendar/zoned-time.ts';
import { platformLabel } from '../platforms.ts';
import { saveAndSchedule, savePost } from '../post-actions.ts';
import { PostPreview } from '../previews/post-preview.tsx';
import { draftFromPost } from './draft-conversions.ts';
import { PostFields } from './post-fields.tsx';
import { isOver, limitCounts } from './post-limits.ts';
import { PublishFields, type PublishChoice } from './publish-fields.tsx';
import '../content.css';

type StoredPost = ToolOutput<'get_post'>;

/**
 * One post: its words (an X thread's every post, its title, its media) with the platform's limits
 * counted live, where and when it goes, and the preview as it will appear. Read through get_post,
 * saved through update_post (only what changed), sent for approval through schedule_post.
 */
export default function PostEditorPage({ params }: { params: Record<string, string> }) {
  const postId = params.id!;
  const post = useTool('get_post', { post_id: postId });
  // Kept here: a save reloads the post, which starts the editor afresh, and the answer must stay in view.
  const [result, setResult] = useState<EditorResult | null>(null);
  return (
    <>
      <p className="back-link"><Link href="/content">← Content calendar</Link></p>
      <Loaded result={post} label="Loading the post">
        {(stored) => <PostEditor key={`${stored.content_version}-${stored.status}-${stored.scheduled_at}`} stored={stored} onSaved={post.reload} result={result} onResult={setResult} />}
      </Loaded>
    </>
  );
}

interface EditorResult {
  tone: 'done' | 'failed';
  text: string;
  approvalId?: string;
}

function PostEditor({ stored, onSaved, result, onResult: setResult }: { stored: StoredPost; onSaved(): void; result: EditorResult | null; onResult(result: EditorResult | null): void }) {
  const api = useApi();
  const timeZone = useMe().organization.time_zone;
  const before = draftFromPost(stored);
  const [draft, setDraft] = useState(before);
  const [choice, setChoice] = useState<PublishChoice>({ accountId: stored.social_account_id ?? '', localTime: localTimeOf(stored.scheduled_at, timeZone) });
  const [busy, setBusy] = useState(false);
  const over = limitCounts(draft.platform, draft).filter(isOver);
  const editable = !['publishing', 'published'].includes(stored.status);
  const timeChanged = choice.localTime !== localTimeOf(stored.scheduled_at, timeZone);

  async function run(action: () => Promise<{ text: string; approvalId?: string }>) {
    setBusy(true);
    setResult(null);
    try {
      const answer = await action();
      setResult({ tone: 'done', ...answer });
      onSaved();
    } catch (error) {
      setResult({ tone: 'failed', text: error instanceof ApiError ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  }

  const input = { postId: stored.post_id, before, after: draft, accountBefore: stored.social_account_id, choice };
  const save = () => run(async () => {
    const saved = await savePost(api, input);
    if (timeChanged && choice.localTime) await api.callTool('reschedule_post', { post_id: stored.post_id, scheduled_at: choice.localTime, time_zone: timeZone });
    if (saved?.approval) return { text: 'Saved. It was approved before the edit, so it waits for a new approval.', approvalId: saved.approval.approval_id };
    return { text: saved || timeChanged ? 'Saved.' : 'Nothing changed.' };
  });
  const schedule = () => run(async () => {
    const filed = await saveAndSchedule(api, { ...input, timeZone });
    return { text: 'Saved and sent for approval: it publishes only once another person approves it.', approvalId: filed.approval_id };
  });
  const cancel = () => run(async () => {
    await api.callTool('cancel_post', { post_id: stored.post_id });
    return { text: 'Cancelled: it will not be published.' };
  });

  const canAskApproval = editable && stored.status !== 'scheduled' && stored.status !== 'pending_approval';
  const whyNot = over.length ? `Over the limit: ${over.map((count) => count.label.toLowerCase()).join(', ')}.` : !choice.accountId ? 'Choose an account first.' : !choice.localTime ? 'Choose a time first.' : null;

  return (
    <>
      <PageHeader title={`${platformLabel(stored.platform)} ${stored.content_type}`} subtitle={<>
        <span className={`badge status-${stored.status}`}>{statusLabel(stored.status)}</span>{' '}
        {stored.local_time ? `Publishes ${stored.local_time}` : 'No time set yet'}{stored.account ? ` · ${stored.account}` : ''}
      </>} />
      {/* A failed post keeps the platform's words; a rejected one, back in draft, the approver's. */}
      {stored.error ? <p className="state-error" role="alert">{stored.status === 'failed' ? `The platform said: ${stored.error}` : stored.error}</p> : null}
      <div className="post-editor">
        <Panel title="Post">
          <fieldset disabled={!editable || busy} className="post-fields" style={{ border: 0, padding: 0, margin: 0 }}>
            {!editable ? <p className="muted small flush">This post is {statusLabel(stored.status)}: it can no longer be edited.{stored.external_url ? <> <a href={stored.external_url} target="_blank" rel="noreferrer">See it on {platformLabel(stored.platform)}</a></> : null}</p> : null}
            <PostFields draft={draft} onChange={setDraft} />
            <PublishFields platform={draft.platform} timeZone={timeZone} value={choice} onChange={setChoice} />
            <div className="editor-actions">
              <button type="button" className="button" onClick={save}>Save changes</button>
              {canAskApproval ? (
                <button type="button" className="button button-primary" disabled={Boolean(whyNot)} onClick={schedule} aria-describedby="editor-why-not">Save and ask for approval</button>
              ) : null}
              {editable && stored.status !== 'cancelled' ? <button type="button" className="button button-reject" onClick={cancel}>Cancel post</button> : null}
            </div>
            {canAskApproval && whyNot ? <p id="editor-why-not" className="muted small flush">{whyNot}</p> : null}
            {stored.status === 'scheduled' ? <p className="muted small flush">Approved. Moving it keeps the approval; changing what it says needs a new one.</p> : null}
          </fieldset>
          {result ? (
            <p className={result.tone === 'done' ? 'editor-result' : 'field-error'} role={result.tone === 'done' ? 'status' : 'alert'}>
              {result.text} {result.approvalId ? <Link href={`/approvals/${result.approvalId}`}>See the request</Link> : null}
            </p>
          ) : null}
        </Panel>
        <Panel title="Preview" className="preview-panel">
          <PostPreview post={choice.accountName ? { ...draft, account: choice.accountName } : draft} when={describeLocalTime(choice.localTime, timeZone)} />
        </Panel>
      </div>
    </>
  );
}
