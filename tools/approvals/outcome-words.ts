import type { ToolCatalogue } from '../registry/catalogue.ts';

/**
 * What an executed action did, in its tool's words ("Payment of 283.26 USD recorded on 20 Nov
 * 2026."), from the stored result; null when the tool has none or no longer reads that result, so
 * a list never fails on an old row.
 */
export function outcomeWords(catalogue: ToolCatalogue, action: string, result: unknown): string | null {
  const tool = catalogue.get(action);
  if (!tool?.outcome || result === null || result === undefined) return null;
  const parsed = tool.output.safeParse(result);
  return parsed.success ? tool.outcome(parsed.data) : null;
}
