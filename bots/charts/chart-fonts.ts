import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The family every chart's SVG names; resvg is given exactly these files, never the system's fonts. */
export const CHART_FONT_FAMILY = 'Inter';

/**
 * Inter's TrueType files from the @expo-google-fonts/inter package: resvg reads TTF/OTF (not
 * woff2), and shipping the font with npm keeps charts identical on every machine, CI included.
 */
export const CHART_FONT_FILES: readonly string[] = [
  require.resolve('@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf'),
  require.resolve('@expo-google-fonts/inter/600SemiBold/Inter_600SemiBold.ttf'),
];
