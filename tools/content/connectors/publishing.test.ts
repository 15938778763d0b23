import { describe, expect, it } from 'vitest';
import { retryAfterMs } from './connector-http.ts';
import { createPublishingClients, publishingBaseUrls } from './index.ts';
import { redactSecrets } from './publish-error.ts';
import { captionWithHashtags, SOCIAL_PLATFORMS } from './publishing.ts';

describe('publishing basics', () => {
  it('appends only the hashtags the caption does not already carry', () => {
    expect(captionWithHashtags({ caption: 'Out now #NewMusic', hashtags: ['newmusic', '#indie', 'new'] })).toBe('Out now #NewMusic\n\n#indie #new');
    expect(captionWithHashtags({ caption: 'No tags' })).toBe('No tags');
  });

  it('reads retry-after as seconds or as a date, and X’s reset as epoch seconds', () => {
    const now = Date.parse('2026-12-06T04:00:00Z');
    expect(retryAfterMs(new Headers({ 'retry-after': '7' }), now)).toBe(7000);
    expect(retryAfterMs(new Headers({ 'retry-after': 'Sun, 06 Dec 2026 04:00:30 GMT' }), now)).toBe(30_000);
    expect(retryAfterMs(new Headers({ 'x-rate-limit-reset': String(now / 1000 + 60) }), now)).toBe(60_000);
    expect(retryAfterMs(new Headers(), now)).toBeUndefined();
  });

  it('scrubs secrets from text', () => {
    expect(redactSecrets('token abc123 and abc123 again', ['abc123'])).toBe('token [redacted] and [redacted] again');
  });

  it('defaults every base URL to the real host and takes the configured ones', () => {
    const urls = publishingBaseUrls({ TIKTOK_API_URL: 'http://127.0.0.1:9999' });
    expect(urls.tiktok).toBe('http://127.0.0.1:9999');
    expect(urls.instagram).toBe('https://graph.facebook.com/v21.0');
    expect(urls.x).toBe('https://api.x.com');
    const clients = createPublishingClients(urls);
    expect(Object.keys(clients).sort()).toEqual([...SOCIAL_PLATFORMS].sort());
    expect(SOCIAL_PLATFORMS.every((platform) => clients[platform].platform === platform)).toBe(true);
  });
});
