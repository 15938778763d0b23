/**
 * Shared chart settings. Recharts writes legend and tooltip labels in each series' colour, which
 * for light series fails text contrast: labels are written in the text colour instead.
 */
export const CHART_TEXT = '#1b1f2e';
export const CHART_GRID = '#eceef5';

/** Series colours with at least 3:1 contrast against white (graphics), distinct for colour blindness. */
export const SERIES = {
  primary: '#5b4bdb',
  warm: '#b8641a',
  good: '#137a4b',
  bad: '#c2372f',
  blue: '#2f6fb0',
  brown: '#7a5500',
  grey: '#6b7188',
  soft: '#8b7ff0',
} as const;

export const legendProps = {
  formatter: (value: string) => <span style={{ color: CHART_TEXT }}>{value}</span>,
};

export const tooltipProps = {
  itemStyle: { color: CHART_TEXT },
  labelStyle: { color: CHART_TEXT, fontWeight: 600 },
};

export const axisTick = { fontSize: 12, fill: '#4a5068' };
