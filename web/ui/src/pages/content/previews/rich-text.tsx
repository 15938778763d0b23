import { Fragment } from 'react';

// Hashtags, mentions and links as the platforms colour them; everything else as written.
const TOKEN = /(#[\p{L}\p{M}\p{N}_]+|@[\w.]+|https?:\/\/\S+)/gu;

/** A post's text with hashtags, mentions and links highlighted, line breaks kept. */
export function RichText({ text, className }: { text: string; className?: string }) {
  const parts = text.split(TOKEN);
  return (
    <span className={`rich-text ${className ?? ''}`}>
      {parts.map((part, index) => (index % 2 === 1 ? <span key={index} className="rich-token">{part}</span> : <Fragment key={index}>{part}</Fragment>))}
    </span>
  );
}

/** "www.example.com" from a link, for link cards; the link itself when it is not a URL. */
export function linkDomain(link: string): string {
  try {
    return new URL(link).hostname.replace(/^www\./u, '');
  } catch {
    return link;
  }
}

/** "@lunavega" from an account's display name, for the previews' handles. */
export function handleOf(account: string | null): string {
  const name = (account ?? 'your account').toLowerCase().replace(/[^a-z0-9_.]+/gu, '');
  return `@${name || 'account'}`;
}
