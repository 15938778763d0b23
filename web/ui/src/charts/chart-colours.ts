export const AXIS_TEXT = '#4a5068';
export const GRID = '#eceef5';
export const BASELINE = '#9aa0b4';

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

/** For a series per category, in this order. */
export const PALETTE = [SERIES.primary, SERIES.warm, SERIES.good, SERIES.blue, SERIES.bad, SERIES.brown, SERIES.grey] as const;
