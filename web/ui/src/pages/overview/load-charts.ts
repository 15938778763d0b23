import * as charts from './overview-charts.ts';

/**
 * The overview's charts are a few KB of SVG drawing (no chart library), so they come with the page
 * itself: a separate chunk would only add a request before the first chart can draw. The sign-in
 * page loads none of it (see src/entry.ts).
 */
export function useCharts(): typeof charts {
  return charts;
}
