import type { ToolOutput } from '../../api/tool-types.ts';

export type VendorRow = ToolOutput<'vendor_performance'>['rows'][number];
export type VendorSort = 'real_cost' | 'reliability';

/** Cheapest real streams first, or most reliable first; vendors without the figure go last either way. */
export function sortVendors(rows: readonly VendorRow[], sort: VendorSort): VendorRow[] {
  const value = (row: VendorRow) => (sort === 'real_cost' ? row.real_cost_per_1k : row.reliability_score);
  const direction = sort === 'real_cost' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const [x, y] = [value(a), value(b)];
    if (x === null || y === null) return x === y ? a.vendor_name.localeCompare(b.vendor_name) : x === null ? 1 : -1;
    return (x - y) * direction || a.vendor_name.localeCompare(b.vendor_name);
  });
}
