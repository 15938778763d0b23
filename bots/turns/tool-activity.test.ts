import { describe, expect, it } from 'vitest';
import { createCatalogue } from '../../tools/index.ts';
import { fixturePayVendor } from '../../tools/testing/fixture-tools.ts';
import { toolActivity } from './tool-activity.ts';

describe('what the working message says while a tool runs', () => {
  const catalogue = createCatalogue([...createCatalogue().list(), fixturePayVendor]);

  it('reads the tool\'s own title: lookups for questions, "Working on" for actions', () => {
    expect(toolActivity(catalogue, 'vendor_performance')).toBe('Looking up vendor performance scorecard…');
    expect(toolActivity(catalogue, 'list_campaigns')).toBe('Looking up campaigns…');
    expect(toolActivity(catalogue, 'get_campaign')).toBe('Looking up a campaign…');
    expect(toolActivity(catalogue, 'roas_summary')).toBe('Looking up ROAS summary…');
    expect(toolActivity(catalogue, 'fixture_pay_vendor')).toBe('Working on: Pay a vendor (test fixture)…');
    expect(toolActivity(catalogue, 'no_such_tool')).toBe('Working on it…');
  });
});
