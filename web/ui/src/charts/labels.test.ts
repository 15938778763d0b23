import { describe, expect, it } from 'vitest';
import { layoutCategoryLabels, textWidth, wrapWords } from './labels.ts';

describe('layoutCategoryLabels', () => {
  it('wraps names onto two lines when every word fits its band', () => {
    // Three vendors on a phone: bands of about 93 px.
    const layout = layoutCategoryLabels(['Nightshift Curators', 'Bassline Music Group', 'Club Promo'], 93);
    expect(layout.mode).toBe('wrap');
    expect(layout.lines).toEqual([['Nightshift', 'Curators'], ['Bassline', 'Music Group'], ['Club Promo']]);
  });

  it('angles whole names when a word cannot fit, never cutting one', () => {
    const names = ['maya-navarro-golden-motion', 'nightcrawler-blue-drive'];
    const layout = layoutCategoryLabels(names, 60);
    expect(layout).toMatchObject({ mode: 'angle', lines: [[names[0]], [names[1]]] });
    // Room below the axis for the longest name at 40°.
    expect(layout.height).toBeGreaterThan(textWidth(names[0]!) * Math.sin((40 * Math.PI) / 180));
  });

  it('angles names that would need more than two lines', () => {
    expect(layoutCategoryLabels(['Golden Hour Sounds Ltd Records'], 70).mode).toBe('angle');
  });
});

describe('wrapWords', () => {
  it('fills each line with as many words as fit', () => {
    expect(wrapWords('Golden Hour Sounds', 80)).toEqual(['Golden Hour', 'Sounds']);
    expect(wrapWords('Meta', 10)).toEqual(['Meta']);
  });
});
