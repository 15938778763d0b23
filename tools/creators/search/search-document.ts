import type { JobSink } from '../../registry/context.ts';
import type { ToolDb } from '../../registry/tenant-scope.ts';
import { creatorEmbedder } from './embeddings/embedder-services.ts';
import { embedCreators, vectorsAvailable } from './embeddings/embedding-store.ts';

/** How many recent captions feed the search document: enough for a creator's current topics. */
export const RECENT_CAPTIONS = 20;
/** Captions are untrusted and can be long; each contributes at most this many characters. */
const CAPTION_CHARS = 280;
/** The job that embeds creators whose vector is missing or stale (jobs/creator-embeddings). */
export const CREATOR_EMBEDDINGS_JOB = 'creators.embeddings';

export interface RefreshOptions {
  /**
   * Where the embeddings job goes when the configured embedder is remote (pass ctx.jobs): the
   * changed creators are embedded after the call commits. Without it the hourly sweep catches them.
   */
  jobs?: JobSink;
}

/** Creators read, written and embedded per round: a handful of statements each, whatever the count. */
const REFRESH_BATCH = 500;

interface DocumentSource {
  id: string;
  name: string;
  handle: string;
  bio: string | null;
  niches: string[];
  genres: string[];
  document: string;
  captions: string[];
}

/**
 * Rebuilds each creator's search document (name and handle, bio, niches, genres and recent
 * captions as one text), the text both full-text and vector search read, and keeps the creator's
 * embedding current: embedded inline with the offline embedder, through the embeddings job with a
 * remote one, never again for unchanged text, not at all where the server has no pgvector.
 * Call it in the same transaction as any change to those fields or to a creator's content.
 * Set-based: per round of REFRESH_BATCH creators, one read (profiles and latest captions), one
 * update of the documents that changed, and the embedding writes.
 */
export async function refreshSearchDocuments(db: ToolDb, organizationId: string, creatorIds: readonly string[], options: RefreshOptions = {}): Promise<void> {
  const ids = [...new Set(creatorIds)];
  if (ids.length === 0) return;
  const embedder = (await vectorsAvailable(db)) ? creatorEmbedder() : undefined;
  const found: string[] = [];
  for (let start = 0; start < ids.length; start += REFRESH_BATCH) {
    const batch = ids.slice(start, start + REFRESH_BATCH);
    const creators = await db.$queryRaw<DocumentSource[]>`
      SELECT c.id, k.name, c.handle, c.bio, coalesce(c.niches, '{}') AS niches, coalesce(c.genres, '{}') AS genres, c."searchDocument" AS document,
        ARRAY(
          SELECT content.caption FROM "CreatorContent" content
          WHERE content."organizationId" = c."organizationId" AND content."creatorId" = c.id AND content.caption IS NOT NULL
          ORDER BY content."publishedAt" DESC NULLS LAST, content.id DESC
          LIMIT ${RECENT_CAPTIONS}
        ) AS captions
      FROM "Creator" c
      JOIN "Contact" k ON k."organizationId" = c."organizationId" AND k.id = c."contactId"
      WHERE c."organizationId" = ${organizationId} AND c.id = ANY(${batch}::text[])`;
    // niches and genres are nullable list columns, which Prisma reads as []: coalesced above to match.
    const changed: Array<{ id: string; document: string }> = [];
    for (const creator of creators) {
      const document = searchDocumentText(creator);
      if (document !== creator.document) changed.push({ id: creator.id, document });
    }
    if (changed.length) {
      // What Prisma's @updatedAt would write: the time of the write, not the transaction's start.
      await db.$executeRaw`
        UPDATE "Creator" AS c SET "searchDocument" = u.document, "updatedAt" = ${new Date()}
        FROM unnest(${changed.map((row) => row.id)}::text[], ${changed.map((row) => row.document)}::text[]) AS u(id, document)
        WHERE c."organizationId" = ${organizationId} AND c.id = u.id`;
    }
    const batchFound = creators.map((creator) => creator.id);
    found.push(...batchFound);
    // Every creator found, not only the changed ones: a missing or stale vector is caught too (textHash skips the rest).
    if (embedder?.local) await embedCreators(db, organizationId, batchFound, embedder);
  }
  if (embedder && !embedder.local && found.length) options.jobs?.enqueue({ name: CREATOR_EMBEDDINGS_JOB, payload: { organizationId, creatorIds: found } });
}

export interface SearchDocumentParts {
  name: string;
  handle: string;
  bio: string | null;
  niches: readonly string[];
  genres: readonly string[];
  captions: readonly string[];
}

/** Which part of a creator's profile a line of the search document came from (see searchDocumentParts). */
export type DocumentPart = 'name' | 'bio' | 'niches' | 'genres' | 'captions';

const PREFIX: Record<Exclude<DocumentPart, 'name'>, string> = { bio: 'Bio: ', niches: 'Niches: ', genres: 'Genres: ', captions: 'Caption: ' };

/**
 * One line per part, each (after the name line) opened by its label, so a hit's "why it matched"
 * can say which part the words came from. Line breaks inside a bio or caption become spaces.
 */
export function searchDocumentText(parts: SearchDocumentParts): string {
  const flat = (text: string) => text.replace(/\s+/g, ' ').trim();
  const bio = flat(parts.bio ?? '');
  const lines = [
    `${flat(parts.name)} @${parts.handle}`,
    bio ? `${PREFIX.bio}${bio}` : '',
    parts.niches.length ? `${PREFIX.niches}${parts.niches.map(flat).join(', ')}` : '',
    parts.genres.length ? `${PREFIX.genres}${parts.genres.map(flat).join(', ')}` : '',
    ...parts.captions.map((caption) => flat(caption).slice(0, CAPTION_CHARS)).filter((caption) => caption.length > 0).map((caption) => `${PREFIX.captions}${caption}`),
  ];
  return lines.filter((line) => line.length > 0).join('\n');
}

/** The document's lines with the part each came from (the label removed). */
export function searchDocumentParts(document: string): Array<{ part: DocumentPart; text: string }> {
  return document.split('\n').map((line, index) => {
    if (index === 0) return { part: 'name' as const, text: line };
    for (const [part, prefix] of Object.entries(PREFIX) as Array<[Exclude<DocumentPart, 'name'>, string]>) {
      if (line.startsWith(prefix)) return { part, text: line.slice(prefix.length) };
    }
    return { part: 'bio' as const, text: line };
  });
}
