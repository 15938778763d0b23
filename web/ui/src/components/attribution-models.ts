import type { ToolInput } from '../api/tool-types.ts';

export type AttributionModel = NonNullable<ToolInput<'roas_summary'>['model']>;

export const MODEL_LABELS: Record<AttributionModel, string> = {
  first_touch: 'First touch',
  last_touch: 'Last touch',
  linear: 'Linear',
  time_decay: 'Time decay',
  position_based: 'Position based',
  custom: 'Custom weights',
  markov: 'Markov (data-driven)',
};

export const MODEL_CHOICES = (Object.keys(MODEL_LABELS) as AttributionModel[]).filter((model) => model !== 'custom');
