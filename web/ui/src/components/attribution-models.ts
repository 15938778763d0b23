import { displayName } from '../../../../tools/common/display-names.ts';
import type { ToolInput } from '../api/tool-types.ts';

export type AttributionModel = NonNullable<ToolInput<'roas_summary'>['model']>;

const MODELS = ['first_touch', 'last_touch', 'linear', 'time_decay', 'position_based', 'custom', 'markov'] as const satisfies readonly AttributionModel[];

/** Each model's name as people read it, from the one shared display-name map. */
export const MODEL_LABELS = Object.fromEntries(MODELS.map((model) => [model, displayName(model)])) as Record<AttributionModel, string>;

export const MODEL_CHOICES = MODELS.filter((model) => model !== 'custom');

/** An attribution key as people read it: channels by their display names, campaigns and artists as named. */
export function attributionKeyLabel(groupBy: string, key: string): string {
  return groupBy === 'channel' ? displayName(key) : key;
}
