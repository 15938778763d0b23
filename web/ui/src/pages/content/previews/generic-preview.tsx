import { postedCaption } from '../../../../../../tools/content/writing/hashtags.ts';
import { platformLabel } from '../platforms.ts';
import type { PostDraft } from '../post-draft.ts';
import { MediaBox } from './phone-frame.tsx';
import { RichText } from './rich-text.tsx';

/** Pinterest, YouTube, Snapchat: title, picture or video, text and link as they will be sent. */
export function GenericPreview({ post }: { post: PostDraft }) {
  return (
    <article className="generic-preview" aria-label={`${platformLabel(post.platform)} preview`}>
      <p className="generic-platform">{platformLabel(post.platform)} · {post.contentType} · {post.account ?? 'no account yet'}</p>
      <MediaBox media={post.media[0]} className="generic-media" missing="No picture or video yet" />
      {post.title ? <h3 className="generic-title">{post.title}</h3> : null}
      <p className="generic-text"><RichText text={post.platform === 'youtube' ? post.caption : postedCaption(post.caption, post.hashtags)} /></p>
      {post.platform === 'youtube' && post.hashtags.length ? <p className="muted small">Tags: {post.hashtags.join(', ')}</p> : null}
      {post.link ? <p className="small"><RichText text={post.link} /></p> : null}
    </article>
  );
}
