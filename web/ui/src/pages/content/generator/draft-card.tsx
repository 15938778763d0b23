import { useState, type CSSProperties } from 'react';
import { ApiError } from '../../../api/api-error.ts';
import type { ToolOutput } from '../../../api/tool-types.ts';
import { useMe } from '../../../auth/organization.tsx';
import { useApi } from '../../../auth/session.tsx';
import { Link } from '../../../router.tsx';
import { describeLocalTime } from '../calendar/zoned-time.ts';
import { draftFromGenerated, draftSuggestions, type GeneratedDraft } from '../editor/draft-conversions.ts';
import { PostFields } from '../editor/post-fields.tsx';
import { isOver, limitCounts } from '../editor/post-limits.ts';
import { PublishFields, type PublishChoice } from '../editor/publish-fields.tsx';
import { platformColour, platformLabel } from '../platforms.ts';
import { saveAndSchedule } from '../post-actions.ts';
import { PostPreview } from '../previews/post-preview.tsx';

/** One generated draft: edit it beside its preview, then send it to the calendar for approval. */
export function DraftCard({ generated, release }: { generated: GeneratedDraft; release: ToolOutput<'list_releases'>['rows'][number] | undefined }) {
  const api = useApi();
  const timeZone = useMe().organization.time_zone;
  const [before] = useState(() => draftFromGenerated(generated, release));
  const [draft, setDraft] = useState(before);
  const [choice, setChoice] = useState<PublishChoice>({ accountId: '', localTime: '' });
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string; approvalId?: string } | null>(null);
  const over = limitCounts(draft.platform, draft).filter(isOver);
  const suggestions = draftSuggestions(generated);
  const whyNot = over.length ? 'Bring it within the limits first.' : !choice.accountId ? 'Choose an account.' : !choice.localTime ? 'Choose a time.' : null;

  async function send() {
    setBusy(true);
    setResult(null);
    try {
      const filed = await saveAndSchedule(api, { postId: generated.post_id, before, after: draft, accountBefore: null, choice, timeZone });
      setResult({ ok: true, text: 'On the calendar, waiting for approval.', approvalId: filed.approval_id });
    } catch (error) {
      setResult({ ok: false, text: error instanceof ApiError ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  }

  const sent = result?.ok === true;
  return (
    <article className="panel draft-card" style={{ '--platform': platformColour(generated.platform) } as CSSProperties} aria-label={`${platformLabel(generated.platform)} draft`}>
      <div className="post-fields">
        <h3 className="flush">{platformLabel(generated.platform)}</h3>
        {generated.changes.length ? (
          <ul className="limit-changes" aria-label="Changed to fit the limits">{generated.changes.map((change) => <li key={change}>{change}</li>)}</ul>
        ) : null}
        {generated.media_note ? <p className="approval-change flush">{generated.media_note}</p> : null}
        <fieldset disabled={busy || sent} className="post-fields" style={{ border: 0, padding: 0, margin: 0 }}>
          <PostFields draft={draft} onChange={setDraft} />
          <PublishFields platform={draft.platform} timeZone={timeZone} value={choice} onChange={setChoice} />
          <div className="editor-actions">
            <button type="button" className="button button-primary" disabled={Boolean(whyNot)} onClick={send}>{busy ? 'Sending…' : 'Send to calendar for approval'}</button>
            <Link className="button" href={`/content/posts/${generated.post_id}`}>Open in the editor</Link>
          </div>
          {whyNot && !sent ? <p className="muted small flush">{whyNot}</p> : null}
        </fieldset>
        {result ? (
          <p className={result.ok ? 'editor-result' : 'field-error'} role={result.ok ? 'status' : 'alert'}>
            {result.text} {result.approvalId ? <Link href={`/approvals/${result.approvalId}`}>See the request</Link> : null}
          </p>
        ) : null}
        {suggestions.length ? (
          <details>
            <summary>Suggestions from the draft</summary>
            {suggestions.map((suggestion) => (
              <div key={suggestion.label}><strong className="small">{suggestion.label}</strong><ul className="suggestion-list">{suggestion.items.map((item) => <li key={item}>{item}</li>)}</ul></div>
            ))}
          </details>
        ) : null}
      </div>
      <PostPreview post={choice.accountName ? { ...draft, account: choice.accountName } : draft} when={describeLocalTime(choice.localTime, timeZone)} />
    </article>
  );
}
