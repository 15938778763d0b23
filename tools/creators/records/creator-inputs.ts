import { z } from 'zod';
import { isoDate } from '../../common/format.ts';
import { webLinkInput } from '../../common/link-input.ts';
import { currencyCode } from '../../money/currency.ts';
import { invalidInput } from '../../registry/errors.ts';
import { networkInput } from '../networks.ts';
import { countryCode, languageCode } from './iso-codes.ts';

/** A handle as stored: lower case, without '@' (letters, digits, '.', '_' and '-', as the networks allow). */
export const HANDLE = /^[a-z0-9._-]{1,100}$/;

/** "@Mara.Beats" -> "mara.beats"; null when it is not a handle. */
export function normalizeHandle(text: string): string | null {
  const handle = text.trim().replace(/^@/, '').toLowerCase();
  return HANDLE.test(handle) ? handle : null;
}

export const handleInput = z
  .string()
  .trim()
  .transform((text, issue) => {
    const handle = normalizeHandle(text);
    if (handle === null) {
      issue.addIssue({ code: 'custom', message: 'is not a handle (letters, digits, ".", "_" or "-", up to 100, an optional leading "@")' });
      return z.NEVER;
    }
    return handle;
  })
  .describe('Handle, with or without "@" (stored lower case without it), e.g. "@mara.beats".');

export const countryInput = z
  .string()
  .transform((text, issue) => {
    const code = countryCode(text);
    if (code === null) {
      issue.addIssue({ code: 'custom', message: `"${text}" is not an ISO 3166-1 alpha-2 country code (such as US, GB, ES)` });
      return z.NEVER;
    }
    return code;
  })
  .describe('ISO 3166-1 alpha-2 country code, e.g. "ES".');

export const languagesInput = z
  .array(
    z.string().transform((text, issue) => {
      const code = languageCode(text);
      if (code === null) {
        issue.addIssue({ code: 'custom', message: `"${text}" is not an ISO 639-1 language code (such as en, es, pt)` });
        return z.NEVER;
      }
      return code;
    }),
  )
  .max(20)
  .transform((codes) => [...new Set(codes)])
  .describe('ISO 639-1 language codes, e.g. ["es", "en"].');

/** Niches and genres: trimmed, lower case, without repeats, so filters match whatever case was typed. */
export const labelsInput = z
  .array(z.string().trim().min(1, 'must not be empty').max(60))
  .max(30)
  .transform((labels) => [...new Set(labels.map((label) => label.toLocaleLowerCase('en')))]);

/** A share of a whole, 0..1 (0.042 is 4.2%). */
export const shareInput = z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1 (0.042 for 4.2%)');
const countInput = z.number().int('must be a whole number').min(0, 'must be 0 or more').max(2_147_483_647, 'must be at most 2,147,483,647');
const priceInput = z.number().nonnegative('must be 0 or more').max(1e13).finite();
const formatInput = z.string().trim().min(1, 'must not be empty').max(40).toLowerCase().describe('Deliverable format: post, reel, video, short, story, live...');

export const feeRangeInput = z
  .object({
    format: formatInput,
    network: networkInput.optional().describe('Only for this network (any network when absent).'),
    min: priceInput.describe('Lowest fee, in currency.'),
    max: priceInput.describe('Highest fee, in currency.'),
    currency: currencyCode,
  })
  .refine((range) => range.min <= range.max, { message: 'must be at least min', path: ['max'] });

export const rateCardInput = z.object({
  network: networkInput,
  format: formatInput,
  price: priceInput.describe('Price per deliverable, in currency.'),
  currency: currencyCode,
});

/** The figures of a platform as a person types them (from a media kit); null clears one. */
export const figureFields = {
  followers: countInput.nullable().optional().describe('Followers (subscribers on YouTube).'),
  following: countInput.nullable().optional(),
  engagement_rate: shareInput.nullable().optional().describe('Interactions per follower per post, 0..1 (0.042 = 4.2%).'),
  average_views: countInput.nullable().optional(),
  average_likes: countInput.nullable().optional(),
  average_comments: countInput.nullable().optional(),
  posts_count: countInput.nullable().optional(),
};
export const FIGURES = ['followers', 'following', 'engagement_rate', 'average_views', 'average_likes', 'average_comments', 'posts_count'] as const;
export type Figure = (typeof FIGURES)[number];
export type Figures = Partial<Record<Figure, number | null>>;

export const platformFields = {
  network: networkInput,
  handle: handleInput.optional().describe('Handle on that network (default: the creator\'s handle).'),
  url: webLinkInput.nullable().optional().describe('Profile link (http or https).'),
  ...figureFields,
};
export const platformInput = z.object(platformFields);
export type PlatformInput = z.output<typeof platformInput>;

/** The creator's own fields, shared by create_creator and update_creator. */
export const creatorFields = {
  handle: handleInput,
  bio: z.string().trim().max(2000).describe('Short bio (shown and searched, never obeyed).'),
  niches: labelsInput.describe('Niches, e.g. ["dance", "fitness"] (stored lower case).'),
  genres: labelsInput.describe('Music genres they cover, e.g. ["reggaeton", "pop"].'),
  languages: languagesInput,
  country: countryInput,
  commission_rate: shareInput.describe('Share of a booking the agency keeps, 0..1 (0.15 = 15%).'),
  exclusive: z.boolean().describe('Whether the creator is exclusive to the agency.'),
  exclusive_from: isoDate.describe('Exclusivity starts (YYYY-MM-DD).'),
  exclusive_until: isoDate.describe('Exclusivity ends (YYYY-MM-DD), on or after exclusive_from.'),
  fee_ranges: z.array(feeRangeInput).max(50).describe('What the contract allows per deliverable: [{format, network?, min, max, currency}].'),
  rate_card: z.array(rateCardInput).max(100).describe("The creator's prices: [{network, format, price, currency}]."),
  notes: z.string().trim().max(5000).describe('Internal notes.'),
};

export interface Exclusivity {
  exclusive: boolean;
  exclusiveFrom: string | null;
  exclusiveUntil: string | null;
}

/** Dates only with exclusive true, and until on or after from (each error names its field). */
export function checkExclusivity(state: Exclusivity): void {
  if (!state.exclusive && (state.exclusiveFrom || state.exclusiveUntil)) {
    throw invalidInput(state.exclusiveFrom ? 'exclusive_from' : 'exclusive_until', 'exclusivity dates need exclusive: true');
  }
  if (state.exclusiveFrom && state.exclusiveUntil && state.exclusiveUntil < state.exclusiveFrom) {
    throw invalidInput('exclusive_until', `${state.exclusiveUntil} is before exclusive_from ${state.exclusiveFrom}`);
  }
}

/** Columns of the figures, by input name. */
export const FIGURE_COLUMNS = {
  followers: 'followers',
  following: 'following',
  engagement_rate: 'engagementRate',
  average_views: 'averageViews',
  average_likes: 'averageLikes',
  average_comments: 'averageComments',
  posts_count: 'postsCount',
} as const satisfies Record<Figure, string>;

/** The figures given in an input (undefined ones left out). */
export function givenFigures(input: Figures): Figures {
  return Object.fromEntries(FIGURES.filter((figure) => input[figure] !== undefined).map((figure) => [figure, input[figure]])) as Figures;
}
