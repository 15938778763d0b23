import { describe, expect, it } from 'vitest';
import { checkFormula, dependencyTree, describeProblem, findCycle, libraryProblems, usersOf } from './metric-dependencies.ts';
import { MetricLibrary } from './metric-library.ts';
import type { MetricSpec } from './metric-spec.ts';
import { STANDARD_METRICS } from './standard-library.ts';

const own = (key: string, formula: string, extra: Partial<MetricSpec> = {}): MetricSpec => ({
  key, label: key.toUpperCase(), description: '', category: 'calculated', kind: 'metric', dataType: 'float', display: 'number',
  aggregation: null, weightKey: null, source: null, formula, aliases: [], active: true, builtIn: false, ...extra,
});
const libraryOf = (...specs: MetricSpec[]) => new MetricLibrary([...STANDARD_METRICS, ...specs]);

describe('metric dependencies', () => {
  it('the standard library is sound: no problems, no cycle', () => {
    expect([...libraryProblems(libraryOf())]).toEqual([]);
  });

  it('resolves aliases to keys and keeps the order of first use', () => {
    expect(checkFormula(libraryOf(), 'sales / cost + revenue / ad_spend')).toMatchObject({ uses: ['revenue', 'spend'] });
  });

  it('names a cycle from its alphabetically first key, whichever metric closes it', () => {
    expect(findCycle(libraryOf(own('zeta', 'beta * 2'), own('beta', 'alpha + 1'), own('alpha', 'zeta - 1')))).toEqual(['alpha', 'zeta', 'beta', 'alpha']);
    // Inactive metrics are not evaluated, so they close no cycle.
    expect(findCycle(libraryOf(own('beta', 'alpha + 1'), own('alpha', 'beta - 1', { active: false })))).toBeNull();
  });

  it('builds the tree down to built-in leaves and finds users through aliases and weights', () => {
    const library = libraryOf(
      own('margin', 'sales - cost'),
      own('weighted', '', { formula: null, source: 'payload.rate', aggregation: 'weighted_avg', weightKey: 'listeners', category: 'external' }),
      own('listeners', '', { formula: null, source: 'payload.listeners', aggregation: 'sum', category: 'external' }),
    );
    expect(dependencyTree(library, library.resolve('margin')!)).toEqual({
      key: 'margin', label: 'MARGIN', formula: 'sales - cost',
      uses: [{ key: 'revenue', label: 'Revenue', source: 'builtin:conversions.revenue', uses: [] }, { key: 'spend', label: 'Spend', source: 'builtin:marketing.spend', uses: [] }],
    });
    expect(usersOf(library, 'revenue').map((user) => user.key)).toEqual(['roas', 'roi', 'average_order_value', 'margin']);
    expect(usersOf(library, 'listeners')).toEqual([{ key: 'weighted', label: 'WEIGHTED', active: true, via: 'weight' }]);
  });

  it('points at the problem with a caret, cutting long formulas around it', () => {
    expect(describeProblem({ position: 4, message: 'unknown metric "x"' }, 'a + x')).toBe('unknown metric "x" (at character 5):\n  a + x\n      ^');
    const long = `${'spend + '.repeat(12)}oops + ${'clicks + '.repeat(10)}1`;
    const text = describeProblem({ position: long.indexOf('oops'), message: 'unknown metric "oops"' }, long);
    const [, excerpt, caret] = text.split('\n');
    expect(excerpt!.length).toBeLessThanOrEqual(64);
    expect(excerpt!.slice(caret!.length - 1, caret!.length + 3)).toBe('oops');
    expect(text).toContain(`(at character ${long.indexOf('oops') + 1})`);
  });
});
