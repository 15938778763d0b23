/**
 * Snapchat Public Profile API (Snap's Marketing API, "Profile Asset Management" and story/Spotlight
 * posting), the documented flow:
 * - `POST /v1/public_profiles/{profile_id}/media` with `{ type, name, key, iv }`: a media container for a file
 *   encrypted client-side with AES-256-CBC (random 32-byte key and 16-byte IV, sent base64); answers the
 *   media id and its multipart `add_path` / `finalize_path`
 * - `POST {add_path}` with `file` and `part_number` per chunk of at most 32 MB, then `POST {finalize_path}`
 * - `POST /v1/public_profiles/{profile_id}/stories` with `{ media_id }` (a Story), or
 *   `POST /v1/public_profiles/{profile_id}/spotlights` with `{ media_id, description, locale }` (Spotlight, video only)
 * Errors are `{ request_status: "ERROR", debug_message, display_message, error_code }`. Needs the
 * `snapchat-profile-api` scope and an app allowlisted by Snap. Base URL: `SNAPCHAT_API_URL`, default
 * https://businessapi.snapchat.com.
 *
 * Assumed where the public docs were not readable here: the create-media answer's field names
 * (read leniently: `media_id`, or `media.id`), that the story/spotlight answer carries the new id
 * (else the media id is reported), and that `add_path` is relative to the API host.
 *
 * Once only: no idempotency key. The uploaded media id is checkpointed (a retry posts the same
 * media without uploading again) and the posting call is not replayed after a timeout.
 */
import { createCipheriv, randomBytes } from 'node:crypto';
import { joinUrl, jsonBody, sendRequest, transientStatus, unsupportedPost, type ConnectorCall, type ConnectorDeps, type ConnectorResponse } from './connector-http.ts';
import { downloadMedia } from './media-download.ts';
import type { ProviderFailure } from './publish-error.ts';
import { captionWithHashtags, memoryCheckpoints, type PublishablePost, type PublishingClient } from './publishing.ts';

export const SNAPCHAT_DEFAULT_URL = 'https://businessapi.snapchat.com';
const CHUNK_BYTES = 32 * 1024 * 1024;
const SPOTLIGHT_DESCRIPTION_LIMIT = 160;

interface CreatedMedia {
  media_id?: string;
  media?: { id?: string };
  add_path?: string;
  finalize_path?: string;
}

export function createSnapchatClient(options: { baseUrl?: string; deps?: ConnectorDeps; chunkBytes?: number } = {}): PublishingClient {
  const baseUrl = options.baseUrl ?? SNAPCHAT_DEFAULT_URL;
  const deps = options.deps ?? {};
  return {
    platform: 'snapchat',
    async publish(post, account, publishOptions) {
      const profileId = account.accountId;
      if (!profileId) throw unsupportedPost('snapchat', 'the account has no Snapchat public profile id');
      const media = post.media[0];
      if (!media || post.media.length !== 1) throw unsupportedPost('snapchat', 'a Snap is exactly one image or video');
      const spotlight = post.contentType !== 'story';
      if (spotlight && media.kind !== 'video') throw unsupportedPost('snapchat', 'Spotlight takes a video; post an image as a story');
      const call: ConnectorCall = { platform: 'snapchat', deps, secrets: [account.accessToken], readError: readSnapchatError };
      const auth = { authorization: `Bearer ${account.accessToken}` };
      const checkpoints = publishOptions.checkpoints ?? memoryCheckpoints();
      const key = publishOptions.idempotencyKey;
      const saved = (await checkpoints.read(key)) ?? {};
      if (typeof saved.snapId === 'string') return { externalId: saved.snapId };
      let mediaId = typeof saved.mediaId === 'string' ? saved.mediaId : undefined;
      if (!mediaId) {
        mediaId = await uploadEncrypted(call, auth, baseUrl, profileId, media.url, media.kind, key, options.chunkBytes ?? CHUNK_BYTES);
        await checkpoints.write(key, { mediaId });
      }
      const edge = spotlight ? 'spotlights' : 'stories';
      const body = spotlight ? { media_id: mediaId, description: spotlightDescription(post), locale: 'en_US', skip_save_to_profile: false } : { media_id: mediaId };
      const headers = { ...auth, 'content-type': 'application/json' };
      const answer = await sendRequest(call, { method: 'POST', url: joinUrl(baseUrl, `/v1/public_profiles/${profileId}/${edge}`), headers, body: JSON.stringify(body), replaySafe: false });
      const snapId = createdId(answer) ?? mediaId;
      await checkpoints.write(key, { mediaId, snapId });
      return { externalId: snapId };
    },
  };
}

async function uploadEncrypted(call: ConnectorCall, auth: Record<string, string>, baseUrl: string, profileId: string, url: string, kind: 'image' | 'video', name: string, chunkBytes: number): Promise<string> {
  const file = await downloadMedia('snapchat', url, call.deps);
  const key = randomBytes(32);
  const iv = randomBytes(16);
  const cipher = createCipheriv('aes-256-cbc', key, iv);
  const encrypted = Buffer.concat([cipher.update(file.bytes), cipher.final()]);
  const createBody = JSON.stringify({ type: kind === 'video' ? 'VIDEO' : 'IMAGE', name, key: key.toString('base64'), iv: iv.toString('base64') });
  const created = (await sendRequest(call, { method: 'POST', url: joinUrl(baseUrl, `/v1/public_profiles/${profileId}/media`), headers: { ...auth, 'content-type': 'application/json' }, body: createBody })).json<CreatedMedia>();
  const mediaId = created.media_id ?? created.media?.id;
  if (!mediaId || !created.add_path || !created.finalize_path) throw unsupportedPost('snapchat', 'Snapchat answered the media creation without a media id or upload paths');
  for (let part = 0; part * chunkBytes < encrypted.length; part++) {
    const form = new FormData();
    form.append('part_number', String(part + 1));
    form.append('file', new Blob([encrypted.subarray(part * chunkBytes, (part + 1) * chunkBytes)]), `${name}.part${part + 1}`);
    await sendRequest(call, { method: 'POST', url: joinUrl(baseUrl, created.add_path), headers: auth, body: form, timeoutMs: 10 * 60_000 });
  }
  await sendRequest(call, { method: 'POST', url: joinUrl(baseUrl, created.finalize_path), headers: auth, body: new FormData() });
  return mediaId;
}

function spotlightDescription(post: PublishablePost): string {
  const description = captionWithHashtags(post);
  if (description.length > SPOTLIGHT_DESCRIPTION_LIMIT) throw unsupportedPost('snapchat', `a Spotlight description is at most ${SPOTLIGHT_DESCRIPTION_LIMIT} characters (this one has ${description.length})`);
  return description;
}

/** The new story or spotlight id, wherever the answer puts it. */
function createdId(response: ConnectorResponse): string | undefined {
  const body = jsonBody<Record<string, unknown>>(response) ?? {};
  for (const field of ['story', 'spotlight']) {
    const nested = body[field] as { id?: string } | undefined;
    if (nested?.id) return nested.id;
  }
  return typeof body.id === 'string' ? body.id : undefined;
}

export function readSnapchatError(response: ConnectorResponse): ProviderFailure {
  const body = jsonBody<{ debug_message?: string; display_message?: string; error_code?: string }>(response);
  const message = body?.debug_message ?? body?.display_message ?? `HTTP ${response.status}`;
  if (response.status === 401) return { kind: 'auth', message, providerCode: body?.error_code };
  if (transientStatus(response.status)) return { kind: 'transient', message, providerCode: body?.error_code };
  return { kind: 'permanent', message, providerCode: body?.error_code };
}
