import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * Inter, the charts' font (bots/charts/chart-fonts.ts), from the same npm package: embedded (subset)
 * in every PDF, so it prints the same on any machine and accents and dashes have glyphs.
 */
export const PDF_FONTS = {
  regular: { name: 'Inter', file: require.resolve('@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf') },
  bold: { name: 'Inter-SemiBold', file: require.resolve('@expo-google-fonts/inter/600SemiBold/Inter_600SemiBold.ttf') },
} as const;

/** Dark enough to print on an office printer: no light grey text anywhere. */
export const PDF_COLORS = {
  ink: '#111111',
  secondary: '#333333',
  rule: '#8a8f98',
  headerFill: '#dde3ec',
  stripeFill: '#f2f4f7',
} as const;

/** A4 landscape in points, with its margins; the footer sits inside the bottom margin. */
export const PDF_PAGE = { margin: 40, bottomMargin: 50, footerOffset: 30 } as const;
