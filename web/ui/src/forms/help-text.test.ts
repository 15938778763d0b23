import { describe, expect, it } from 'vitest';
import { helpText, pageSubtitle } from './help-text.ts';
import type { FieldSpec } from './schema-fields.ts';

const field = (description: string, kind: FieldSpec['kind'] = 'text'): FieldSpec => ({ name: 'x', label: 'X', kind, required: false, nullable: true, description });

describe('help text', () => {
  it("says the schema's description in a marketer's words", () => {
    expect(helpText(field('Planned end (YYYY-MM-DD); null clears it.', 'date'))).toBe('Planned end. Empty it to clear it.');
    expect(helpText(field('When this placement starts (YYYY-MM-DD); default the campaign start_date.', 'date'))).toBe('When this placement starts; default the campaign start date.');
    expect(helpText(field('Genres, e.g. ["dance", "techno"] (stored lower-case).', 'text-list'))).toBe('Genres, e.g. dance, techno (stored lower-case).');
    expect(helpText(field('Id of the client (list_clients).', 'record'))).toBeUndefined();
    expect(helpText({ ...field('active, paused or completed.', 'enum'), options: ['active', 'paused', 'completed'] })).toBeUndefined();
    expect(helpText(field('When it is due (ISO 8601 instant, e.g. 2026-12-10T17:00:00Z).', 'datetime'))).toBe('When it is due.');
    expect(helpText(field('From (ISO 8601 instant).', 'text'))).toBe('From (ISO 8601 instant).');
    expect(helpText(field('true restores an archived contact; false archives it.', 'choice'))).toBe('Yes restores an archived contact; No archives it.');
    expect(helpText(field('YYYY-MM-DD; null clears it.', 'date'))).toBe('Empty it to clear it.');
    expect(helpText(field("The owning member's email; null for nobody.", 'text'))).toBe("The owning member's email.");
    expect(helpText(field('Deal value in `currency` (two decimals kept).', 'number'))).toBe('Deal value in currency (two decimals kept).');
  });

  it('a page subtitle is the first sentence without detail or tool names', () => {
    expect(pageSubtitle("Changes a campaign's status (active, paused, completed), name or budget; only the fields given change. Returns the campaign.")).toBe("Changes a campaign's status, name or budget.");
    expect(pageSubtitle('Archives a client: it leaves list_clients and campaign sheets may no longer name it. More.')).toBe('Archives a client: it leaves the clients list and campaign sheets may no longer name it.');
  });
});
