import type { AnyTool } from '../registry/define-tool.ts';
import { calculateAttribution } from './calculate-attribution.ts';
import { compareAttributionModels } from './compare-attribution-models.ts';
import { customerJourney } from './customer-journey.ts';
import { roasSummary } from './roas-summary.ts';
import { setAttributionSettings } from './set-attribution-settings.ts';
import { importConversions } from './imports/import-conversions.ts';
import { importTouchpoints } from './imports/import-touchpoints.ts';

/** Touchpoints, conversions, attribution models, customer journeys and ROAS. */
export const ATTRIBUTION_TOOLS: AnyTool[] = [importTouchpoints, importConversions, calculateAttribution, compareAttributionModels, customerJourney, roasSummary, setAttributionSettings];
