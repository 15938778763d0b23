import { useState, type ReactNode } from 'react';

/** A phone's outline around a preview, so Instagram and TikTok posts are judged at the size people see them. */
export function PhoneFrame({ label, dark = false, children }: { label: string; dark?: boolean; children: ReactNode }) {
  return (
    <figure className={`phone ${dark ? 'phone-dark' : ''}`} aria-label={label}>
      <div className="phone-notch" aria-hidden="true" />
      <div className="phone-screen">{children}</div>
    </figure>
  );
}

type Media = { url: string; kind: 'image' | 'video'; alt_text?: string };

/**
 * The post's first picture or video. A picture the browser cannot show (a dead link, or one not
 * over https, which the page's Content-Security-Policy refuses) and a video (never downloaded just
 * to preview) become a box naming the file and its alt text.
 */
export function MediaBox({ media, className, missing }: { media: Media | undefined; className: string; missing: string }) {
  const [failed, setFailed] = useState<string | null>(null);
  if (!media) return <div className={`${className} media-missing`}><span>{missing}</span></div>;
  if (media.kind === 'image' && failed !== media.url) {
    return <img className={className} src={media.url} alt={media.alt_text ?? ''} loading="lazy" onError={() => setFailed(media.url)} />;
  }
  const what = media.kind === 'image' ? 'Image' : 'Video';
  return (
    <div className={`${className} media-placeholder`} role="img" aria-label={`${what}: ${media.alt_text || fileName(media.url)}`}>
      <span className="media-icon" aria-hidden="true">{media.kind === 'image' ? '🖼' : '▶'}</span>
      <span className="media-name">{fileName(media.url)}</span>
      {media.alt_text ? <span className="media-alt">{media.alt_text}</span> : null}
    </div>
  );
}

function fileName(url: string): string {
  try {
    return decodeURIComponent(new URL(url).pathname.split('/').filter(Boolean).pop() ?? url);
  } catch {
    return url;
  }
}

/** Like, comment and share, drawn (not emoji, which not every system has a font for). */
export function ActionIcons({ className }: { className: string }) {
  return (
    <div className={className} aria-hidden="true">
      <svg viewBox="0 0 24 24" width="22" height="22"><path d="M12 20s-7-4.4-7-10a4 4 0 0 1 7-2.6A4 4 0 0 1 19 10c0 5.6-7 10-7 10z" fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round" /></svg>
      <svg viewBox="0 0 24 24" width="22" height="22"><path d="M4 12a8 8 0 1 1 3.5 6.6L4 20l1.3-3.6A8 8 0 0 1 4 12z" fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round" /></svg>
      <svg viewBox="0 0 24 24" width="22" height="22"><path d="M21 3 3 10l7 3 3 7 8-17zM10 13l5-5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round" /></svg>
    </div>
  );
}
