import type { BrandVoice as StoredVoice } from '../../../db/generated/prisma/client.ts';
import type { ToolDb } from '../../registry/tenant-scope.ts';
import type { BrandVoice } from '../writing/post-request.ts';

/** One voice per scope: the organisation's, or one artist's (matched without regard to case or spacing). */
export function brandVoiceScope(artist: string | undefined | null): string {
  return artist ? `artist:${artist.trim().replace(/\s+/gu, ' ').toLocaleLowerCase('en')}` : 'organization';
}

/** The voices a post about `artist` is written in: the organisation's and the artist's, when set. */
export async function loadBrandVoices(db: ToolDb, artist: string): Promise<{ organisation?: BrandVoice; artist?: BrandVoice }> {
  const rows = await db.brandVoice.findMany({ where: { scopeKey: { in: [brandVoiceScope(null), brandVoiceScope(artist)] } } });
  const byScope = new Map(rows.map((row) => [row.scopeKey, toPromptVoice(row)]));
  return { organisation: byScope.get(brandVoiceScope(null)), artist: byScope.get(brandVoiceScope(artist)) };
}

function toPromptVoice(row: StoredVoice): BrandVoice {
  return { examples: row.examplePosts, do: row.doRules, dont: row.dontRules };
}
