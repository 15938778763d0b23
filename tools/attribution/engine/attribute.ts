import type { ProgressReporter, ToolContext } from '../../registry/context.ts';
import type { ToolDb } from '../../registry/tenant-scope.ts';
import { invalidInput } from '../../registry/errors.ts';
import { markovRemovalEffects } from '../markov.ts';
import { DIRECT_KEY, POSITION_BASED_WEIGHTS, type AttributionModel, type RuleBasedModel } from '../models.ts';
import { inAnalyticSession } from './analytic-session.ts';
import type { ResolvedScope } from './attribution-scope.ts';
import { markovTransitions } from './markov-transitions.ts';
import { ruleBasedCredit, type KeyCredit } from './rule-based-credit.ts';

export interface AttributedKey extends KeyCredit {
  touchpoints: number;
}

export interface Attribution {
  model: AttributionModel;
  /** Largest attributed revenue first, then key. */
  rows: AttributedKey[];
  totalRevenue: number;
  totalConversions: number;
}

/**
 * Attributes the conversions in scope under each requested model. The rule-based models share one
 * pass over the journeys; markov adds one query for its transition counts and reuses that pass for
 * the touchpoint counts, the (direct) row and the totals.
 */
export async function attribute(ctx: Pick<ToolContext, 'inTransaction' | 'progress'>, scope: ResolvedScope, models: readonly AttributionModel[], options: { firstPurchase?: boolean } = {}): Promise<Map<AttributionModel, Attribution>> {
  if (models.includes('custom') && !scope.customWeights) {
    throw invalidInput('weights', 'the custom model needs weights {first, middle, last} summing to 1, or custom weights saved with set_attribution_settings');
  }
  return inAnalyticSession(ctx, (session) => attributeInSession(session, scope, models, options, ctx.progress));
}

async function attributeInSession(db: ToolDb, scope: ResolvedScope, models: readonly AttributionModel[], options: { firstPurchase?: boolean }, progress: ProgressReporter): Promise<Map<AttributionModel, Attribution>> {
  const ruleBased = models.filter((model): model is RuleBasedModel => model !== 'markov');
  const withMarkov = models.includes('markov');
  // Steps: the journeys pass, the Markov chain when asked, then done.
  const steps = withMarkov ? 2 : 1;
  progress({ progress: 0, total: steps, message: 'Building journeys and crediting touchpoints' });
  const passModels: RuleBasedModel[] = ruleBased.length ? ruleBased : ['linear'];
  const credit = await ruleBasedCredit(
    db,
    scope,
    passModels,
    { halfLifeDays: scope.halfLifeDays, customWeights: scope.customWeights ?? POSITION_BASED_WEIGHTS, positionWeights: POSITION_BASED_WEIGHTS },
    options,
  );
  const results = new Map<AttributionModel, Attribution>();
  for (const model of ruleBased) results.set(model, toAttribution(model, credit.byModel.get(model)!, credit.touchpoints));
  if (withMarkov) {
    progress({ progress: 1, total: steps, message: 'Solving the Markov chain' });
    const reference = credit.byModel.get(passModels[0]!)!;
    results.set('markov', await markovAttribution(db, scope, reference, credit.touchpoints));
  }
  progress({ progress: steps, total: steps, message: 'Attributed' });
  return results;
}

/** Revenue and conversions of converting paths (all but (direct)) split by removal-effect share. */
async function markovAttribution(db: ToolDb, scope: ResolvedScope, reference: KeyCredit[], touchpoints: Map<string, number>): Promise<Attribution> {
  const { shares } = markovRemovalEffects(await markovTransitions(db, scope));
  const direct = reference.find((row) => row.key === DIRECT_KEY);
  const converting = reference.filter((row) => row.key !== DIRECT_KEY);
  const sum = (rows: KeyCredit[], pick: (row: KeyCredit) => number) => rows.reduce((total, row) => total + pick(row), 0);
  const [revenue, conversions, firstPurchases] = [sum(converting, (r) => r.revenue), sum(converting, (r) => r.conversions), sum(converting, (r) => r.firstPurchases)];
  const rows: KeyCredit[] = [...touchpoints.keys()]
    .filter((key) => key !== DIRECT_KEY)
    .map((key) => {
      const share = shares.get(key) ?? 0;
      return { key, revenue: revenue * share, conversions: conversions * share, firstPurchases: firstPurchases * share };
    });
  if (direct) rows.push(direct);
  return toAttribution('markov', rows, touchpoints);
}

function toAttribution(model: AttributionModel, credits: KeyCredit[], touchpoints: Map<string, number>): Attribution {
  const rows = credits
    .map((credit) => ({ ...credit, touchpoints: touchpoints.get(credit.key) ?? 0 }))
    .sort((a, b) => b.revenue - a.revenue || a.key.localeCompare(b.key));
  return {
    model,
    rows,
    totalRevenue: rows.reduce((total, row) => total + row.revenue, 0),
    totalConversions: rows.reduce((total, row) => total + row.conversions, 0),
  };
}
