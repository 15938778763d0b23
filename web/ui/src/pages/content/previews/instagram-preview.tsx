import { postedCaption } from '../../../../../../tools/content/writing/hashtags.ts';
import type { PostDraft } from '../post-draft.ts';
import { ActionIcons, MediaBox, PhoneFrame } from './phone-frame.tsx';
import { handleOf, RichText } from './rich-text.tsx';

/** An Instagram feed post on a phone: account, square picture, actions, caption with its hashtags. */
export function InstagramPreview({ post }: { post: PostDraft }) {
  const handle = handleOf(post.account).slice(1);
  return (
    <PhoneFrame label="Instagram preview">
      <div className="ig-bar"><strong>Instagram</strong></div>
      <div className="ig-head">
        <span className="avatar" aria-hidden="true" />
        <strong>{handle}</strong>
      </div>
      <MediaBox media={post.media[0]} className="ig-media" missing="No picture yet: Instagram needs one" />
      <ActionIcons className="ig-actions" />
      <p className="ig-caption">
        <strong>{handle}</strong> <RichText text={postedCaption(post.caption, post.hashtags)} />
      </p>
    </PhoneFrame>
  );
}
