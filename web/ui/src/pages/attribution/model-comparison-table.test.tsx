import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { comparison } from '../../testing/fixtures.ts';
import { ModelComparisonTable } from './model-comparison-table.tsx';

describe('ModelComparisonTable', () => {
  it('has a column per model and the spread, with the largest credit of a disputed row in bold', () => {
    render(<ModelComparisonTable comparison={comparison()} />);
    const headers = screen.getAllByRole('columnheader').map((cell) => cell.textContent);
    expect(headers).toEqual(['Channel', 'First touch', 'Last touch', 'Linear', 'Spread']);

    const email = within(screen.getByRole('row', { name: /^Email/ }));
    const cells = email.getAllByRole('cell');
    expect(cells.map((cell) => cell.textContent)).toEqual(['$20.00', '$150.00', '$90.00', '$130.00 (144%)']);
    expect(cells[1]!.style.fontWeight).toBe('700');
    expect(cells[0]!.style.fontWeight).toBe('');

    const direct = within(screen.getByRole('row', { name: /^Direct/ })).getAllByRole('cell');
    expect(direct.every((cell) => cell.style.fontWeight === '')).toBe(true);
  });
});
