import { xParts, type PostDraft } from '../post-draft.ts';
import { MediaBox } from './phone-frame.tsx';
import { handleOf, RichText } from './rich-text.tsx';

/** An X post or thread: each post under the account, joined by the thread line, the picture on the first. */
export function XThreadPreview({ post }: { post: PostDraft }) {
  const parts = xParts(post);
  const name = post.account ?? 'Your account';
  return (
    <ol className="x-thread" aria-label={parts.length > 1 ? `X thread of ${parts.length} posts` : 'X post'}>
      {parts.map((text, index) => (
        <li key={index} className="x-post">
          <span className="avatar" aria-hidden="true" />
          <div className="x-body">
            <p className="x-who"><strong>{name}</strong> <span className="muted">{handleOf(post.account)}{parts.length > 1 ? ` · ${index + 1}/${parts.length}` : ''}</span></p>
            <p className="x-text"><RichText text={text} /></p>
            {index === 0 && post.media[0] ? <MediaBox media={post.media[0]} className="x-media" missing="" /> : null}
          </div>
        </li>
      ))}
    </ol>
  );
}
