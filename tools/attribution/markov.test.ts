import { describe, expect, it } from 'vitest';
import { CONVERSION, markovRemovalEffects, NULL_STATE, START, type TransitionCount } from './markov.ts';

/** Transition counts of whole paths, as the SQL counts them. */
function countPaths(paths: Array<{ channels: string[]; converts: boolean; times?: number }>): TransitionCount[] {
  const counts = new Map<string, number>();
  for (const { channels, converts, times = 1 } of paths) {
    const states = [START, ...channels, converts ? CONVERSION : NULL_STATE];
    for (let i = 1; i < states.length; i++) {
      const key = `${states[i - 1]}>${states[i]}`;
      counts.set(key, (counts.get(key) ?? 0) + times);
    }
  }
  return [...counts].map(([key, count]) => {
    const [from, to] = key.split('>') as [string, string];
    return { from, to, count };
  });
}

describe('markovRemovalEffects', () => {
  it('solves the three-channel example of journey-scenario.md exactly', () => {
    const result = markovRemovalEffects(countPaths([
      { channels: ['A', 'B'], converts: true },
      { channels: ['A', 'C'], converts: false },
      { channels: ['B'], converts: true },
      { channels: ['C'], converts: false },
    ]));
    expect(result.conversionProbability).toBeCloseTo(0.5, 12);
    expect(Object.fromEntries(result.removalEffects)).toEqual({ A: expect.closeTo(0.5, 12), B: expect.closeTo(1, 12), C: expect.closeTo(0, 12) });
    expect(Object.fromEntries(result.shares)).toEqual({ A: expect.closeTo(1 / 3, 12), B: expect.closeTo(2 / 3, 12), C: expect.closeTo(0, 12) });
  });

  it('keeps repeats as self-transitions and solves through the loop', () => {
    // A -> A -> conversion, A -> null: from A, 1/3 stay, 1/3 convert, 1/3 drop: P = (1/3) / (1 - 1/3) = 0.5.
    const result = markovRemovalEffects(countPaths([
      { channels: ['A', 'A'], converts: true },
      { channels: ['A'], converts: false },
    ]));
    expect(result.conversionProbability).toBeCloseTo(0.5, 12);
    expect(result.shares.get('A')).toBeCloseTo(1, 12);
  });

  it('handles cycles between channels', () => {
    // start -> A; A -> B 1/2, conversion 1/2; B -> A 1/2, null 1/2.  x_A = 1/2 + x_B/2, x_B = x_A/2 -> x_A = 2/3.
    const result = markovRemovalEffects([
      { from: START, to: 'A', count: 4 },
      { from: 'A', to: 'B', count: 2 }, { from: 'A', to: CONVERSION, count: 2 },
      { from: 'B', to: 'A', count: 1 }, { from: 'B', to: NULL_STATE, count: 1 },
    ]);
    expect(result.conversionProbability).toBeCloseTo(2 / 3, 12);
    // Without B: x_A = 1/2, effect 1 - (1/2)/(2/3) = 1/4. Without A: 0, effect 1.
    expect(result.removalEffects.get('B')).toBeCloseTo(0.25, 12);
    expect(result.removalEffects.get('A')).toBeCloseTo(1, 12);
    expect(result.shares.get('A')).toBeCloseTo(0.8, 12);
  });

  it('gives every channel 0 when nothing converts', () => {
    const result = markovRemovalEffects(countPaths([{ channels: ['A', 'B'], converts: false }]));
    expect(result.conversionProbability).toBe(0);
    expect([...result.shares.values()]).toEqual([0, 0]);
  });
});
