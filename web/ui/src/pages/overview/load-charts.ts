/**
 * The charts library is the largest chunk. The overview asks for its figures first and fetches the
 * charts beside them, instead of waiting for the charts before asking.
 */
let charts: Promise<typeof import('./overview-charts.ts')> | undefined;

export function loadCharts(): Promise<typeof import('./overview-charts.ts')> {
  return (charts ??= import('./overview-charts.ts'));
}
