import { describe, expect, it } from 'vitest';
import { extractFigures, figureMatches, groundedIn, numbersIn } from './figures.ts';
import { statesFact } from './score-case.ts';

describe('eval figures', () => {
  it('reads figures as prose writes them, leaving out ids, dates, links, calendar words and small counts', () => {
    const text = 'As of 2026-11-16, Neon Media delivered 142,625 streams (52.4% of 272,000) at USD 3.26 per 1k; see http://x/approvals/01a201a5-0be2-7617-bd96-312267f2ef6b. In October 2026, 3 vendors; ROI -0.67.';
    expect(extractFigures(text).map((figure) => figure.text)).toEqual(['142,625', '52.4%', '272,000', '3.26', '-0.67']);
    expect(extractFigures('3 alerts', { includeSmallCounts: true }).map((figure) => figure.value)).toEqual([3]);
  });

  it('leaves out calendar words without a year, times of day, bare years and a score\'s scale', () => {
    const text = 'As of 16 November (Nov 16th at 14:00), in 2026, Wave Media scored 66.7/100 and Velvet 90 out of 100, delivering 142,625 streams.';
    expect(extractFigures(text).map((figure) => figure.text)).toEqual(['66.7', '90', '142,625']);
    expect(extractFigures('Revenue decreased 12% and marketing 45,000').map((figure) => figure.text)).toEqual(['12%', '45,000']);
  });

  it('matches a figure after its own rounding, as a percentage of a ratio, and loosely on sign', () => {
    const [percent] = extractFigures('52.4%');
    expect(figureMatches(percent!, 0.5244)).toBe(true);
    expect(figureMatches(percent!, 0.5300)).toBe(false);
    const [money] = extractFigures('3.3');
    expect(figureMatches(money!, 3.26)).toBe(true);
    expect(figureMatches(extractFigures('down 67%')[0]!, -0.6702)).toBe(true);
  });

  it('grounds figures in every number of the tool outputs, including numbers inside their strings', () => {
    const numbers = numbersIn({ rows: [{ delivered: 42748, message: 'delivered 42,748 of 67,500 (rate 0.6333)' }] });
    expect(numbers).toEqual(expect.arrayContaining([42748, 67500, 0.6333]));
    expect(groundedIn(extractFigures('67,500')[0]!, numbers)).toBe(true);
    expect(groundedIn(extractFigures('63.3%')[0]!, numbers)).toBe(true);
    expect(groundedIn(extractFigures('99,999')[0]!, numbers)).toBe(false);
  });

  it('states a fact by name (any case) or by figure', () => {
    expect(statesFact('Golden Hour Sounds is cheapest', 'golden hour sounds')).toBe(true);
    expect(statesFact('10 placements are under-delivering', 10)).toBe(true);
    expect(statesFact('about 11 placements', 10)).toBe(false);
  });
});
