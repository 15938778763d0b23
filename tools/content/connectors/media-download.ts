import { sendRequest, transientStatus, type ConnectorDeps } from './connector-http.ts';
import type { SocialPlatform } from './publishing.ts';

/** Media bytes fetched from the post's public URL, for platforms that take uploads rather than URLs (YouTube, Snapchat). */
export interface DownloadedMedia {
  bytes: Uint8Array;
  contentType: string;
}

/**
 * Downloads a media file (no credentials are sent to it). A 4xx is permanent (the URL is wrong
 * or private), a 5xx or timeout transient. The whole file is held in memory: fine for promo
 * clips and artwork; very large uploads would need streaming in chunks.
 */
export async function downloadMedia(platform: SocialPlatform, url: string, deps: ConnectorDeps): Promise<DownloadedMedia> {
  const response = await sendRequest(
    {
      platform,
      deps,
      secrets: [],
      readError: (answer) => ({
        kind: transientStatus(answer.status) ? 'transient' : 'permanent',
        message: `the media file could not be fetched from its URL (HTTP ${answer.status})`,
      }),
    },
    { method: 'GET', url, timeoutMs: 10 * 60_000 },
  );
  return { bytes: response.bytes, contentType: response.headers.get('content-type') ?? 'application/octet-stream' };
}
