import { describe, expect, it } from 'vitest';
import { createCampaign } from '../../../../tools/campaigns/records/create-campaign.ts';
import { createTask } from '../../../../tools/crm/tasks/create-task.ts';
import { updateCampaign } from '../../../../tools/campaigns/records/update-campaign.ts';
import { publishTool } from '../../../../tools/registry/published-tool.ts';
import { flattenSongs, regroupErrors, songLayout } from './campaign-songs.ts';
import { changedInput, localDateTime, placeIssues, prefillFrom, setValue, toToolInput, valuesFrom } from './form-values.ts';
import { fieldsOf } from './schema-fields.ts';

const campaignFields = fieldsOf(publishTool(createCampaign).inputSchema);
const updateFields = fieldsOf(publishTool(updateCampaign).inputSchema);

const taskFields = fieldsOf(publishTool(createTask).inputSchema);

describe('form values', () => {
  it('a date and time is picked on the wall clock and sent as the instant it is', () => {
    expect(taskFields.find((field) => field.name === 'due_at')!.kind).toBe('datetime');
    const picked = '2026-12-10T18:30';
    const { input } = toToolInput(taskFields, valuesFrom(taskFields, { title: 'Call', due_at: picked }));
    expect(input.due_at).toBe(new Date(2026, 11, 10, 18, 30).toISOString());
    // A stored instant (an edit, a prefilled query) shows as the same wall-clock time.
    expect(valuesFrom(taskFields, { due_at: new Date(2026, 11, 10, 18, 30).toISOString() }).due_at).toBe(picked);
    expect(localDateTime('soon')).toBe('soon');
    expect(toToolInput(taskFields, valuesFrom(taskFields, { title: 'Call', due_at: 'soon' })).errors).toEqual({ due_at: 'must be a date and time' });
  });

  it('prefills nested fields from dotted keys, growing a list to the index named, and ignores keys naming no field', () => {
    expect(prefillFrom(taskFields, { title: 'Call', 'subject.type': 'deal', 'subject.id': 'd1', 'subject.colour': 'red', 'title.x': 'y' })).toMatchObject({ title: 'Call', subject: { type: 'deal', id: 'd1' } });
    const songs = prefillFrom(campaignFields, { 'songs.1.vendor_id': 'v2' }).songs as Array<Record<string, unknown>>;
    expect(songs.map((song) => song.vendor_id)).toEqual(['', 'v2']);
  });

  it('turns typed text into the schema types and leaves empty optional fields out', () => {
    const values = valuesFrom(campaignFields, { client_id: 'c1', name: ' Push ', total_budget: '1,250.5', songs: [{ goal: '20 000', price: '300', track_url: 'x', vendor_id: 'v1', daily: '' }] });
    const { input, errors } = toToolInput(campaignFields, values);
    expect(errors).toEqual({});
    expect(input).toEqual({ client_id: 'c1', name: 'Push', total_budget: 1250.5, songs: [{ goal: 20000, price: 300, track_url: 'x', vendor_id: 'v1' }] });
    expect(toToolInput(campaignFields, setValue(values, 'songs.0.goal', 'lots')).errors).toEqual({ 'songs.0.goal': 'must be a number' });
  });

  it('an edit sends the id, what changed, and null for a cleared field', () => {
    const baseline = valuesFrom(updateFields, { campaign_id: 'k1', name: 'Push', status: 'active', salesperson: 'Ana', total_budget: 900, end_date: null });
    expect(changedInput(updateFields, baseline, baseline)).toMatchObject({ input: { campaign_id: 'k1' }, changed: [] });
    const edited = setValue(setValue(baseline, 'total_budget', '1000'), 'salesperson', '  ');
    expect(changedInput(updateFields, edited, baseline)).toEqual({ input: { campaign_id: 'k1', total_budget: 1000, salesperson: null }, errors: {}, changed: ['salesperson', 'total_budget'] });
  });

  it("places the tool's issues on the fields they name, list items on their list, the rest on the form", () => {
    const placed = placeIssues(campaignFields, [
      { path: 'songs[1].goal', message: 'must be more than 0' },
      { path: 'end_date', message: 'must be on or after start_date' },
      { path: 'input', message: 'give at least one field' },
      { path: 'nonsense.deep', message: 'odd' },
    ]);
    expect(placed.fieldErrors).toEqual({ 'songs.1.goal': 'must be more than 0', end_date: 'must be on or after start_date' });
    expect(placed.formErrors).toEqual(['give at least one field', 'nonsense.deep: odd']);
  });

  it('create_campaign: two songs with their vendors become one entry per song and vendor, and errors go back to the song and vendor', () => {
    const layout = songLayout(campaignFields);
    expect(layout.songsField.fields!.map((field) => field.name)).toEqual(['track_url', 'song_name', 'genre', 'placements']);
    const songs = [
      { track_url: 'a', song_name: 'One', genre: '', placements: [{ vendor_id: 'v1', goal: '100' }, { vendor_id: 'v2', goal: '200' }] },
      { track_url: 'b', song_name: 'Two', genre: '', placements: [{ vendor_id: 'v1', goal: '300' }] },
    ];
    const { entries, origin } = flattenSongs(songs);
    expect(entries).toEqual([
      { track_url: 'a', song_name: 'One', genre: '', vendor_id: 'v1', goal: '100' },
      { track_url: 'a', song_name: 'One', genre: '', vendor_id: 'v2', goal: '200' },
      { track_url: 'b', song_name: 'Two', genre: '', vendor_id: 'v1', goal: '300' },
    ]);
    expect(regroupErrors({ 'songs.2.track_url': 'must be a Spotify track link', 'songs.1.vendor_id': 'no vendor', 'songs.0.track_url': 'bad', name: 'must not be empty' }, origin)).toEqual({
      'songs.1.track_url': 'must be a Spotify track link', 'songs.0.placements.1.vendor_id': 'no vendor', 'songs.0.track_url': 'bad', name: 'must not be empty',
    });
  });
});
