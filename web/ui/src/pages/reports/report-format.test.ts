import { describe, expect, it } from 'vitest';
import { formatCell, formatPeriod, periodOrder, rowName } from './report-format.ts';
import type { ReportColumn } from './report-types.ts';

const result = { currency: 'USD', time_grain: 'week' };
const column = (key: string, role: ReportColumn['role'], type: ReportColumn['type'], unit: string | null = null): ReportColumn => ({ key, label: key, role, type, unit });

describe('report cells as a marketer reads them', () => {
  it('writes money with its currency, ratios as percentages and changes with a sign', () => {
    expect(formatCell(6672.51, column('spend', 'metric', 'currency', 'USD'), result)).toBe('$6,672.51');
    expect(formatCell(1200, column('spend', 'metric', 'currency', 'EUR'), result, { compact: true })).toBe('€1.2K');
    expect(formatCell(0.013, column('ctr', 'metric', 'float', 'ratio'), result)).toBe('1.3%');
    expect(formatCell(-0.3359, column('spend_change', 'comparison', 'percent', 'ratio'), result)).toBe('-34%');
    expect(formatCell(0.15, column('revenue_change', 'comparison', 'percent', 'ratio'), result)).toBe('+15%');
    expect(formatCell(21818, column('clicks', 'metric', 'integer'), result)).toBe('21,818');
    expect(formatCell(3.514, column('roas', 'metric', 'float'), result)).toBe('3.51×');
    expect(formatCell(3.514, column('cpc', 'metric', 'float'), result)).toBe('3.51');
    expect(formatCell(null, column('roas', 'metric', 'float'), result)).toBe('—');
  });

  it('orders periods in time, the two 02:00 hours of a fall-back day east of UTC by their instant', () => {
    const hours = ['2026-10-25T02:00:00+01:00', '2026-10-25T03:00:00+01:00', '2026-10-25T01:00:00+02:00', '2026-10-25T02:00:00+02:00'];
    expect([...hours].sort(periodOrder)).toEqual(['2026-10-25T01:00:00+02:00', '2026-10-25T02:00:00+02:00', '2026-10-25T02:00:00+01:00', '2026-10-25T03:00:00+01:00']);
    expect(['2026-11-01', '2026-10-01', '2026-12-01'].sort(periodOrder)).toEqual(['2026-10-01', '2026-11-01', '2026-12-01']);
  });

  it('names channels as people do and periods by their grain', () => {
    expect(formatCell('spotify_marquee', column('channel', 'dimension', 'string'), result)).toBe('Spotify Marquee');
    expect(formatCell('maya-navarro-night-echo', column('campaign', 'dimension', 'string'), result)).toBe('maya-navarro-night-echo');
    expect(formatCell(null, column('payload.placement', 'dimension', 'string'), result)).toBe('Not set');
    expect(formatPeriod('2026-10-01', 'quarter')).toBe('Q4 2026');
    expect(formatPeriod('2026-11-30', 'day')).toMatch(/30/);
    const columns = [column('period', 'period', 'date'), column('channel', 'dimension', 'string'), column('spend', 'metric', 'currency', 'USD')];
    expect(rowName({ period: '2026-11-30', channel: 'meta', spend: 1 }, columns, { currency: 'USD', time_grain: 'quarter' })).toBe('Q4 2026 · Meta');
  });
});
