import { z } from 'zod';

export const ATTRIBUTION_MODELS = ['first_touch', 'last_touch', 'linear', 'time_decay', 'position_based', 'custom', 'markov'] as const;
export type AttributionModel = (typeof ATTRIBUTION_MODELS)[number];
export type RuleBasedModel = Exclude<AttributionModel, 'markov'>;

export const GROUP_BY = ['channel', 'campaign', 'artist'] as const;
export type GroupBy = (typeof GROUP_BY)[number];

/** The key for a conversion with no touchpoint in its window. */
export const DIRECT_KEY = '(direct)';
export { NO_CAMPAIGN_KEY, UNASSIGNED_ARTIST_KEY } from '../common/channel-name.ts';

export const DEFAULT_LOOKBACK_DAYS = 30;
/** The model reports credit revenue with when neither the report nor the organisation names one. */
export const DEFAULT_REPORT_MODEL: AttributionModel = 'linear';
export const DEFAULT_HALF_LIFE_DAYS = 7;

/** Shares of a journey's credit for its first touch, the touches between, and its last touch. */
export interface PositionWeights {
  first: number;
  middle: number;
  last: number;
}

export const POSITION_BASED_WEIGHTS: PositionWeights = { first: 0.4, middle: 0.2, last: 0.4 };

const WEIGHT_SUM_TOLERANCE = 1e-6;

export const positionWeightsInput = z
  .object({
    first: z.number().min(0).max(1).describe('Share of each conversion for its first touchpoint.'),
    middle: z.number().min(0).max(1).describe('Share shared equally by the touchpoints between the first and the last.'),
    last: z.number().min(0).max(1).describe('Share for the last touchpoint.'),
  })
  .strict()
  .refine((weights) => Math.abs(weights.first + weights.middle + weights.last - 1) <= WEIGHT_SUM_TOLERANCE, {
    message: 'first + middle + last must sum to 1',
  });

/**
 * The credit each touchpoint of an n-touch journey gets under a position model: first and last get
 * their shares and the middle touches split theirs equally. With one touch it takes everything;
 * with two there is no middle, so first and last split the credit in proportion to their shares
 * (position_based: 50/50), evenly when both shares are 0.
 */
export function positionCredit(weights: PositionWeights, position: number, touches: number): number {
  if (touches === 1) return 1;
  if (touches === 2) {
    const ends = weights.first + weights.last;
    if (ends === 0) return 0.5;
    return (position === 1 ? weights.first : weights.last) / ends;
  }
  if (position === 1) return weights.first;
  if (position === touches) return weights.last;
  return weights.middle / (touches - 2);
}
