import type { Prisma } from '../../../db/generated/prisma/client.ts';
import type { PostContentType } from '../../../db/generated/prisma/enums.ts';
import { toDbPlatform } from '../platform-codes.ts';
import type { ReleaseAsset } from '../releases/release-view.ts';
import type { GeneratedDraft } from '../writing/generate-drafts.ts';
import type { Platform, PostStyle } from '../writing/platforms.ts';

/** The kind of release asset each platform's post starts with. */
const MEDIA_KIND: Record<Platform, 'image' | 'video' | 'any'> = {
  instagram: 'image',
  facebook: 'image',
  pinterest: 'image',
  x: 'image',
  tiktok: 'video',
  youtube: 'video',
  snapchat: 'any',
};

export interface DraftPostFields {
  contentType: PostContentType;
  caption: string;
  hashtags: string[];
  title: string | null;
  link: string | null;
  thread: string[] | null;
  media: ReleaseAsset[];
  /** What the draft suggests beyond the post itself (image, sounds, video ideas, boards...). */
  suggestions: Record<string, unknown>;
  /** Set when the release has no asset of the kind the platform needs. */
  mediaNote: string | null;
}

/**
 * A generated draft as a post on the calendar: the text in the columns the publish job sends
 * (caption, hashtags, title, link, thread), the release's first suitable asset as its media, and
 * the rest of the draft (image suggestion, sounds, video ideas, boards, keywords, call to action,
 * best time) kept as suggestions for the person who edits it.
 */
export function draftPostFields(generated: GeneratedDraft, assets: readonly ReleaseAsset[]): DraftPostFields {
  const { draft } = generated;
  const wanted = MEDIA_KIND[draft.platform];
  const asset = assets.find((candidate) => wanted === 'any' || candidate.kind === wanted);
  const media = asset ? [asset] : [];
  const mediaNote = asset || draft.platform === 'x' || draft.platform === 'facebook' ? null : `The release has no ${wanted === 'any' ? '' : `${wanted} `}asset: add media before scheduling.`;
  const base = { media, mediaNote, hashtags: [] as string[], title: null, link: null, thread: null };
  switch (draft.platform) {
    case 'instagram': {
      const { caption, hashtags, ...suggestions } = draft.content;
      return { ...base, contentType: 'POST', caption, hashtags, suggestions };
    }
    case 'tiktok': {
      const { caption, hashtags, ...suggestions } = draft.content;
      return { ...base, contentType: 'VIDEO', caption, hashtags, suggestions };
    }
    case 'facebook': {
      const { text, ...suggestions } = draft.content;
      return { ...base, contentType: 'POST', caption: text, link: draft.content.link_preview.url, suggestions };
    }
    case 'x': {
      const posts = draft.content.posts;
      return { ...base, contentType: posts.length > 1 ? 'THREAD' : 'POST', caption: posts[0] ?? '', thread: posts.length > 1 ? posts : null, suggestions: {} };
    }
    case 'pinterest': {
      const { title, description, ...suggestions } = draft.content;
      return { ...base, contentType: 'PIN', caption: description, title, suggestions };
    }
    case 'youtube': {
      const { title, description, ...suggestions } = draft.content;
      return { ...base, contentType: 'VIDEO', caption: description, title, suggestions };
    }
    case 'snapchat':
      return { ...base, contentType: 'STORY', caption: draft.content.caption, suggestions: {} };
  }
}

/** The DRAFT row for one generated draft. */
export function draftPostRow(
  organizationId: string,
  releaseId: string,
  generated: GeneratedDraft,
  fields: DraftPostFields,
  how: { style: PostStyle; tone?: string; createdById: string | null },
): Prisma.ScheduledPostCreateManyInput {
  return {
    organizationId,
    releaseId,
    platform: toDbPlatform(generated.draft.platform),
    contentType: fields.contentType,
    caption: fields.caption,
    hashtags: fields.hashtags,
    media: fields.media as unknown as Prisma.InputJsonValue,
    link: fields.link,
    title: fields.title,
    thread: fields.thread ?? undefined,
    status: 'DRAFT',
    details: {
      source: 'generated',
      style: how.style,
      ...(how.tone ? { tone: how.tone } : {}),
      limit_changes: generated.changes,
      suggestions: fields.suggestions as Prisma.InputJsonObject,
      ...(fields.mediaNote ? { media_note: fields.mediaNote } : {}),
    },
    createdById: how.createdById,
  };
}
