import type { ConnectorDeps } from './connector-http.ts';
import { createFacebookPagesClient, FACEBOOK_DEFAULT_URL } from './facebook-pages.ts';
import { createInstagramClient, INSTAGRAM_DEFAULT_URL } from './instagram.ts';
import { createPinterestClient, PINTEREST_DEFAULT_URL } from './pinterest.ts';
import type { PublishingClient, SocialPlatform } from './publishing.ts';
import { createSnapchatClient, SNAPCHAT_DEFAULT_URL } from './snapchat.ts';
import { createTikTokClient, TIKTOK_DEFAULT_URL } from './tiktok.ts';
import { createXClient, X_DEFAULT_URL } from './x.ts';
import { createYouTubeClient, YOUTUBE_DEFAULT_URL } from './youtube.ts';

export type { PublishingClient, PublishablePost, PublishAccount, PublishOptions, PublishResult, CheckpointStore, SocialPlatform } from './publishing.ts';
export { PublishError, type PublishFailureKind } from './publish-error.ts';

/** The environment variable naming each platform's API root, and the real host it defaults to (for config.ts and the README). */
export const PUBLISHING_BASE_URL_VARIABLES: Record<SocialPlatform, { variable: string; defaultUrl: string }> = {
  instagram: { variable: 'INSTAGRAM_GRAPH_URL', defaultUrl: INSTAGRAM_DEFAULT_URL },
  facebook: { variable: 'FACEBOOK_GRAPH_URL', defaultUrl: FACEBOOK_DEFAULT_URL },
  tiktok: { variable: 'TIKTOK_API_URL', defaultUrl: TIKTOK_DEFAULT_URL },
  youtube: { variable: 'YOUTUBE_API_URL', defaultUrl: YOUTUBE_DEFAULT_URL },
  pinterest: { variable: 'PINTEREST_API_URL', defaultUrl: PINTEREST_DEFAULT_URL },
  x: { variable: 'X_API_URL', defaultUrl: X_DEFAULT_URL },
  snapchat: { variable: 'SNAPCHAT_API_URL', defaultUrl: SNAPCHAT_DEFAULT_URL },
};

/** Each platform's base URL from already-parsed configuration values (variable name -> value); unset ones get the real host. */
export function publishingBaseUrls(values: Record<string, string | undefined>): Record<SocialPlatform, string> {
  const entries = Object.entries(PUBLISHING_BASE_URL_VARIABLES).map(([platform, { variable, defaultUrl }]) => [platform, values[variable] || defaultUrl]);
  return Object.fromEntries(entries) as Record<SocialPlatform, string>;
}

/** One client per platform, for the publish job and the tools to look up by the post's platform. */
export function createPublishingClients(baseUrls: Partial<Record<SocialPlatform, string>> = {}, deps: ConnectorDeps = {}): Record<SocialPlatform, PublishingClient> {
  return {
    instagram: createInstagramClient({ baseUrl: baseUrls.instagram, deps }),
    facebook: createFacebookPagesClient({ baseUrl: baseUrls.facebook, deps }),
    tiktok: createTikTokClient({ baseUrl: baseUrls.tiktok, deps }),
    youtube: createYouTubeClient({ baseUrl: baseUrls.youtube, deps }),
    pinterest: createPinterestClient({ baseUrl: baseUrls.pinterest, deps }),
    x: createXClient({ baseUrl: baseUrls.x, deps }),
    snapchat: createSnapchatClient({ baseUrl: baseUrls.snapchat, deps }),
  };
}
