import type { PostDraft } from '../post-draft.ts';
import { FacebookPreview } from './facebook-preview.tsx';
import { GenericPreview } from './generic-preview.tsx';
import { InstagramPreview } from './instagram-preview.tsx';
import { TikTokPreview } from './tiktok-preview.tsx';
import { XThreadPreview } from './x-thread-preview.tsx';
import './previews.css';

/** What the post will look like on its platform. `when` is its time as the tools word it. */
export function PostPreview({ post, when }: { post: PostDraft; when?: string | null }) {
  return (
    <div className="post-preview">
      {when !== undefined ? <p className="preview-when"><span className="muted">Publishes</span> <strong>{when ?? 'no time set yet'}</strong></p> : null}
      {preview(post)}
    </div>
  );
}

function preview(post: PostDraft) {
  switch (post.platform) {
    case 'instagram': return <InstagramPreview post={post} />;
    case 'tiktok': return <TikTokPreview post={post} />;
    case 'x': return <XThreadPreview post={post} />;
    case 'facebook': return <FacebookPreview post={post} />;
    default: return <GenericPreview post={post} />;
  }
}
