import { describe, expect, it } from 'vitest';
import { FormulaError, parseFormula, type FormulaNode } from './formula.ts';

const positions = (root: FormulaNode): Array<[string, number]> => {
  switch (root.type) {
    case 'metric': return [[root.key, root.position]];
    case 'negate': return positions(root.operand);
    case 'binary': return [...positions(root.left), ...positions(root.right)];
    case 'call': return root.args.flatMap(positions);
    default: return [];
  }
};

describe('formula positions', () => {
  it('points at where each key starts, whatever spaces follow it', () => {
    expect(positions(parseFormula('nope + clicks').root)).toEqual([['nope', 0], ['clicks', 7]]);
    expect(positions(parseFormula('spend   /  clikcs   ').root)).toEqual([['spend', 0], ['clikcs', 11]]);
    expect(positions(parseFormula('( revenue\t- spend ) / max(spend , 1)').root)).toEqual([['revenue', 2], ['spend', 12], ['spend', 26]]);
  });

  it('points a syntax error at its character', () => {
    const error = (() => { try { parseFormula('spend +'); } catch (caught) { return caught; } })();
    expect(error).toBeInstanceOf(FormulaError);
    expect((error as FormulaError).position).toBe(7);
  });
});
