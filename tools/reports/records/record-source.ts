import { z } from 'zod';
import type { UnifiedSourceCategory } from '../../../db/generated/prisma/enums.ts';
import type { ToolDb } from '../../registry/tenant-scope.ts';
import { conflict, invalidInput } from '../../registry/errors.ts';

export const SOURCE_CATEGORIES = ['platform_native', 'external_marketing', 'external_revenue', 'external_operational'] as const;
export type SourceCategory = (typeof SOURCE_CATEGORIES)[number];

/** A data source's name: lower snake case (meta_ads, crm_hubspot, shopify). */
export const dataSourceName = z
  .string()
  .trim()
  .toLowerCase()
  .max(64)
  .regex(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/, 'use lower snake case such as meta_ads, crm_hubspot or shopify');

export const sourceCategoryInput = z.enum(SOURCE_CATEGORIES);

const REVENUE = ['shopify', 'stripe', 'bandcamp', 'woocommerce', 'paypal'];
const OPERATIONAL = ['hubspot', 'salesforce', 'pipedrive'];
const PLATFORM = ['crescendo', 'tracking'];
const MARKETING_PREFIXES = ['meta', 'google', 'tiktok', 'snap'];

/** `shopify` or `shopify_eu` for the name `shopify`. */
const named = (source: string, names: readonly string[]) => names.some((name) => source === name || source.startsWith(`${name}_`));

/** The category a well-known source's name implies, or null when it has to be given. */
export function inferSourceCategory(source: string): SourceCategory | null {
  if (source.startsWith('crm_') || named(source, OPERATIONAL)) return 'external_operational';
  if (named(source, REVENUE)) return 'external_revenue';
  if (named(source, PLATFORM)) return 'platform_native';
  if (source.endsWith('_ads') || MARKETING_PREFIXES.some((prefix) => source.startsWith(prefix))) return 'external_marketing';
  return null;
}

export const toStoredCategory = (category: SourceCategory) => category.toUpperCase() as UnifiedSourceCategory;
export const fromStoredCategory = (category: UnifiedSourceCategory) => category.toLowerCase() as SourceCategory;

/**
 * The category records of `source` are stored under: the one given, else the one its records
 * already have, else the one its name implies. One source keeps one category, so a category that
 * contradicts the stored one is a conflict rather than a silent split.
 */
export async function resolveSourceCategory(db: ToolDb, source: string, given: SourceCategory | undefined): Promise<SourceCategory> {
  const stored = await db.unifiedRecord.findFirst({ where: { dataSource: source }, select: { sourceCategory: true } });
  const storedCategory = stored ? fromStoredCategory(stored.sourceCategory) : null;
  if (given && storedCategory && given !== storedCategory) {
    throw conflict(`Records of ${source} are stored as ${storedCategory}, not ${given}; leave source_category out (or import under another data_source).`);
  }
  const category = given ?? storedCategory ?? inferSourceCategory(source);
  if (!category) throw invalidInput('source_category', `say what kind of source "${source}" is: ${SOURCE_CATEGORIES.join(', ')}`);
  return category;
}
