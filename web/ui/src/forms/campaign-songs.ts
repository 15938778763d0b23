import { initialValues, type FieldErrors, type FormValues } from './form-values.ts';
import type { FieldSpec } from './schema-fields.ts';

/**
 * create_campaign takes one `songs` entry per song and vendor. People think of a song placed with
 * several vendors, so the form groups them: a song's own fields once, then its vendor placements.
 * The fields come from the tool's schema; only the split between song and placement is chosen here.
 */
export const SONG_LEVEL = ['track_url', 'song_name', 'genre'] as const;

export interface SongLayout {
  campaignFields: FieldSpec[];
  /** `songs` as the form shows it: each song with a `placements` list. */
  songsField: FieldSpec;
  /** The tool's own `songs` field, for building its input. */
  toolSongsField: FieldSpec;
}

export function songLayout(fields: readonly FieldSpec[]): SongLayout {
  const toolSongsField = fields.find((field) => field.name === 'songs' && field.kind === 'group-list');
  if (!toolSongsField) throw new Error('create_campaign has no songs list');
  const itemFields = toolSongsField.fields ?? [];
  const isSongLevel = (field: FieldSpec) => (SONG_LEVEL as readonly string[]).includes(field.name);
  const placements: FieldSpec = {
    name: 'placements',
    label: 'Vendor placements',
    kind: 'group-list',
    required: true,
    nullable: false,
    minItems: 1,
    description: 'One per vendor placing this song: what it promises and what it costs.',
    // The vendor first: what it promises only means something once you know who promises it.
    fields: itemFields.filter((field) => !isSongLevel(field)).sort((a, b) => Number(Boolean(b.record)) - Number(Boolean(a.record))),
  };
  return {
    campaignFields: fields.filter((field) => field !== toolSongsField),
    toolSongsField,
    songsField: { ...toolSongsField, description: 'Each song once, with every vendor placing it.', minItems: 1, fields: [...itemFields.filter(isSongLevel), placements] },
  };
}

export function newSong(layout: SongLayout): FormValues {
  return initialValues(layout.songsField.fields ?? []);
}

/** Where each tool entry came from: `songs[k]` is song `song`, placement `placement`. */
export type EntryOrigin = Array<{ song: number; placement: number }>;

/** The grouped songs as the tool's flat entries (song fields copied into each of its placements). */
export function flattenSongs(songs: readonly FormValues[]): { entries: FormValues[]; origin: EntryOrigin } {
  const entries: FormValues[] = [];
  const origin: EntryOrigin = [];
  songs.forEach((song, songIndex) => {
    const { placements, ...songFields } = song;
    (placements as FormValues[]).forEach((placement, placementIndex) => {
      entries.push({ ...songFields, ...placement });
      origin.push({ song: songIndex, placement: placementIndex });
    });
  });
  return { entries, origin };
}

/** A tool error on `songs.3.goal` placed on the song and vendor it came from. */
export function regroupErrors(errors: FieldErrors, origin: EntryOrigin): FieldErrors {
  const placed: FieldErrors = {};
  for (const [key, message] of Object.entries(errors)) {
    const match = /^songs\.(\d+)(?:\.(.+))?$/.exec(key);
    const from = match ? origin[Number(match[1])] : undefined;
    if (!match || !from) {
      placed[key] = message;
      continue;
    }
    const field = match[2];
    const target = !field ? 'songs'
      : (SONG_LEVEL as readonly string[]).includes(field.split('.')[0]!) ? `songs.${from.song}.${field}`
      : `songs.${from.song}.placements.${from.placement}.${field}`;
    placed[target] = placed[target] && placed[target] !== message ? `${placed[target]}; ${message}` : message;
  }
  return placed;
}
