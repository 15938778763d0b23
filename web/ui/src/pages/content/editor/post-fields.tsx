import { useId, useState, type ReactNode } from 'react';
import type { Platform } from '../platforms.ts';
import { hashtagText, parseHashtags, type PostDraft } from '../post-draft.ts';
import { LimitCounter } from './limit-counter.tsx';
import { isOver, limitCounts, type LimitCount } from './post-limits.ts';

const TEXT_LABEL: Record<Platform, string> = {
  instagram: 'Caption', tiktok: 'Caption', facebook: 'Text', x: 'Post', pinterest: 'Description', youtube: 'Description', snapchat: 'Caption',
};
const HAS_HASHTAGS = new Set<Platform>(['instagram', 'tiktok', 'pinterest', 'snapchat', 'youtube']);
const HAS_TITLE = new Set<Platform>(['pinterest', 'youtube']);
const HAS_LINK = new Set<Platform>(['facebook', 'pinterest', 'x']);

/**
 * A post's words, with the platform's limits counted live under each field: the fields the
 * platform uses (a title on Pinterest and YouTube, thread posts on X, hashtags where they go).
 */
export function PostFields({ draft, onChange }: { draft: PostDraft; onChange(draft: PostDraft): void }) {
  const ids = { caption: useId(), hashtags: useId(), title: useId(), link: useId() };
  const counts = limitCounts(draft.platform, draft);
  const countFor = (field: string) => counts.find((count) => count.field === field);
  const set = (changes: Partial<PostDraft>) => onChange({ ...draft, ...changes });
  const isThread = draft.platform === 'x' && draft.thread.length > 1;

  return (
    <div className="post-fields">
      {HAS_TITLE.has(draft.platform) ? (
        <Field id={ids.title} label="Title" count={countFor('title')}>
          <input id={ids.title} value={draft.title} onChange={(event) => set({ title: event.target.value })} aria-describedby={`${ids.title}-count`} aria-invalid={overFor(countFor('title'))} />
        </Field>
      ) : null}
      {isThread ? (
        draft.thread.map((part, index) => {
          const id = `${ids.caption}-${index}`;
          return (
            <Field key={index} id={id} label={`Post ${index + 1} of ${draft.thread.length}`} count={countFor(`thread.${index}`)}
              action={<button type="button" className="button button-quiet" onClick={() => set(withoutPart(draft, index))}>Remove</button>}>
              <textarea id={id} rows={3} value={part} onChange={(event) => set(withPart(draft, index, event.target.value))} aria-describedby={`${id}-count`} aria-invalid={overFor(countFor(`thread.${index}`))} />
            </Field>
          );
        })
      ) : (
        <Field id={ids.caption} label={TEXT_LABEL[draft.platform]} count={countFor('caption')}>
          <textarea id={ids.caption} rows={6} value={draft.caption} onChange={(event) => set({ caption: event.target.value })} aria-describedby={`${ids.caption}-count`} aria-invalid={overFor(countFor('caption'))} />
        </Field>
      )}
      {draft.platform === 'x' ? (
        <p className="flush"><button type="button" className="button" onClick={() => set(withPart(draft, Math.max(draft.thread.length, 1), '', true))}>Add a post to the thread</button></p>
      ) : null}
      {HAS_HASHTAGS.has(draft.platform) ? (
        <Field id={ids.hashtags} label={draft.platform === 'youtube' ? 'Tags' : 'Hashtags'} count={countFor('hashtags')}>
          <HashtagInput id={ids.hashtags} tags={draft.hashtags} invalid={overFor(countFor('hashtags'))} onChange={(hashtags) => set({ hashtags })} />
        </Field>
      ) : null}
      {HAS_LINK.has(draft.platform) ? (
        <Field id={ids.link} label="Link">
          <input id={ids.link} type="url" value={draft.link} placeholder="https://" onChange={(event) => set({ link: event.target.value })} />
        </Field>
      ) : null}
    </div>
  );
}

/** Hashtags as typed ("#newmusic indie"), counted as they are typed; the draft holds them without '#'. */
function HashtagInput({ id, tags, invalid, onChange }: { id: string; tags: readonly string[]; invalid?: boolean; onChange(tags: string[]): void }) {
  const [text, setText] = useState(() => hashtagText(tags));
  return (
    <input id={id} value={text} placeholder="#newmusic #indie" aria-describedby={`${id}-count`} aria-invalid={invalid}
      onChange={(event) => {
        setText(event.target.value);
        onChange(parseHashtags(event.target.value));
      }} />
  );
}

function overFor(count: LimitCount | undefined): boolean | undefined {
  return count && isOver(count) ? true : undefined;
}

function Field({ id, label, count, action, children }: { id: string; label: string; count?: LimitCount; action?: ReactNode; children: ReactNode }) {
  return (
    <div className="field">
      <div className="thread-part-head"><label htmlFor={id}>{label}</label>{action}</div>
      {children}
      {count ? <LimitCounter id={`${id}-count`} count={count} /> : null}
    </div>
  );
}

/** A thread with part `index` set (appended when `insert`); a single X post becomes a thread of two. */
function withPart(draft: PostDraft, index: number, text: string, insert = false): Partial<PostDraft> {
  const parts = draft.thread.length ? [...draft.thread] : [draft.caption];
  if (insert) parts.splice(index, 0, text);
  else parts[index] = text;
  return { thread: parts.length > 1 ? parts : [], caption: parts[0] ?? '', contentType: parts.length > 1 ? 'thread' : 'post' };
}

function withoutPart(draft: PostDraft, index: number): Partial<PostDraft> {
  const parts = draft.thread.filter((_, position) => position !== index);
  return { thread: parts.length > 1 ? parts : [], caption: parts[0] ?? '', contentType: parts.length > 1 ? 'thread' : 'post' };
}
