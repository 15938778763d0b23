import type { PostDraft } from '../post-draft.ts';
import { MediaBox } from './phone-frame.tsx';
import { linkDomain, RichText } from './rich-text.tsx';

/** A Facebook Page post: the Page, its text, and the link card (or picture) under it. */
export function FacebookPreview({ post, callToAction }: { post: PostDraft; callToAction?: string }) {
  return (
    <article className="fb-card" aria-label="Facebook preview">
      <header className="fb-head">
        <span className="avatar" aria-hidden="true" />
        <div><strong>{post.account ?? 'Your Page'}</strong><div className="muted small">Scheduled · Public</div></div>
      </header>
      <p className="fb-text"><RichText text={post.caption} /></p>
      {post.media[0] ? <MediaBox media={post.media[0]} className="fb-media" missing="" /> : null}
      {post.link ? (
        <div className="fb-link">
          <span className="fb-domain">{linkDomain(post.link).toUpperCase()}</span>
          <span className="fb-link-title">{post.title || post.link}</span>
          {callToAction ? <span className="fb-cta">{callToAction}</span> : null}
        </div>
      ) : null}
      <footer className="fb-actions muted" aria-hidden="true"><span>Like</span><span>Comment</span><span>Share</span></footer>
    </article>
  );
}
