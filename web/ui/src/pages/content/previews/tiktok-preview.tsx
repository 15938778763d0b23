import { postedCaption } from '../../../../../../tools/content/writing/hashtags.ts';
import type { PostDraft } from '../post-draft.ts';
import { ActionIcons, MediaBox, PhoneFrame } from './phone-frame.tsx';
import { handleOf, RichText } from './rich-text.tsx';

/** A TikTok video on a phone: the video full screen, the caption and sound over its foot, actions down the side. */
export function TikTokPreview({ post, sound }: { post: PostDraft; sound?: string }) {
  return (
    <PhoneFrame label="TikTok preview" dark>
      <MediaBox media={post.media[0]} className="tt-media" missing="No video yet: TikTok needs one" />
      <ActionIcons className="tt-side" />
      <div className="tt-overlay">
        <strong>{handleOf(post.account)}</strong>
        <p><RichText text={postedCaption(post.caption, post.hashtags)} /></p>
        <p className="tt-sound">♪ {sound ?? 'Original sound'}</p>
      </div>
    </PhoneFrame>
  );
}
