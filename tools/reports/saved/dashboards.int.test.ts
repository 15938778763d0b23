import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../registry/runner.ts';
import { caller } from '../../testing/caller.ts';
import { createTestOrganization, openToolTestWorld, type TestOrganization, type ToolTestWorld } from '../../testing/fixtures.ts';

type Widget = { id: string; title: string; report_id: string | null; report_name: string | null; result: { columns: Array<{ key: string }> } | null; error: { code: string; message: string } | null; x: number; y: number; w: number; h: number };
type Dashboard = { dashboard_id: string; name: string; visibility: string; owner: { email: string | null } | null; widgets: Widget[] };

const inline = { metrics: ['spend', 'clicks'], dimensions: ['channel'], date_range: { last: 30, unit: 'day' } };

describe('dashboards: widgets, layout, visibility, a deleted report, tenancy', () => {
  let world: ToolTestWorld;
  let orgB: TestOrganization;
  const people: Record<'analyst' | 'analyst2' | 'viewer' | 'manager' | 'ownerB', Principal> = {} as never;
  const as = (who: keyof typeof people) => caller(world.runner, () => people[who]);
  const reports: Record<string, string> = {};

  beforeAll(async () => {
    world = await openToolTestWorld('dashboards');
    orgB = await createTestOrganization(world.database, 'dashboards-b');
    people.analyst = await world.org.member('ana@dash.test', 'ANALYST');
    people.analyst2 = await world.org.member('bob@dash.test', 'ANALYST');
    people.viewer = await world.org.member('vic@dash.test', 'VIEWER');
    people.manager = await world.org.member('max@dash.test', 'MANAGER');
    people.ownerB = orgB.as('OWNER');
    for (const [key, visibility] of [['shared', 'organization'], ['doomed', 'team'], ['secret', 'private']] as const) {
      const saved = await as('analyst').ok<{ report_id: string }>('save_report', {
        name: `Report ${key}`, category: 'roas_analysis', visibility, definition: { metrics: ['spend', 'roas'], dimensions: ['channel'], date_range: { last: 7, unit: 'day' } },
      });
      reports[key] = saved.report_id;
    }
  });
  afterAll(async () => { await world.database.close(); });

  const layout = (overrides: Array<Record<string, unknown>> = []) => [
    { title: 'Shared ROAS', report_id: reports.shared, chart: 'bar', x: 0, y: 0, w: 6, h: 4 },
    { title: 'Doomed', report_id: reports.doomed, chart: 'line', x: 6, y: 0, w: 6, h: 4 },
    { title: 'Spend inline', report: inline, chart: 'kpi', x: 0, y: 4, w: 12, h: 2 },
    ...overrides,
  ];

  it('creates, reads, updates (keeping widget ids) and lists dashboards', async () => {
    const created = await as('analyst').ok<Dashboard>('create_dashboard', { name: 'Team board', visibility: 'team', widgets: layout() });
    expect(created).toMatchObject({ name: 'Team board', visibility: 'team', owner: { email: 'ana@dash.test' } });
    expect(created.widgets).toHaveLength(3);
    expect(new Set(created.widgets.map((widget) => widget.id)).size).toBe(3);

    const layoutOnly = await as('analyst').ok<Dashboard>('get_dashboard', { dashboard_id: created.dashboard_id, run: false });
    expect(layoutOnly.widgets.map((widget) => widget.id)).toEqual(created.widgets.map((widget) => widget.id));
    expect(layoutOnly.widgets[0]).toMatchObject({ report_name: 'Report shared', result: null, error: null, x: 0, y: 0, w: 6, h: 4 });

    const [first, second, third] = created.widgets;
    const updated = await as('analyst').ok<Dashboard>('update_dashboard', {
      dashboard_id: created.dashboard_id,
      name: 'Team board v2',
      widgets: [
        { id: third!.id, title: 'Spend inline (wide)', report: inline, chart: 'kpi', x: 0, y: 0, w: 12, h: 2 },
        { id: first!.id, title: 'Shared ROAS', report_id: reports.shared, chart: 'bar', x: 0, y: 2, w: 6, h: 4 },
        { id: second!.id, title: 'Doomed', report_id: reports.doomed, chart: 'line', x: 6, y: 2, w: 6, h: 4 },
        { title: 'New one', report: inline, chart: 'table', x: 0, y: 6, w: 4, h: 3 },
      ],
    });
    expect(updated.name).toBe('Team board v2');
    expect(updated.widgets.slice(0, 3).map((widget) => widget.id)).toEqual([third!.id, first!.id, second!.id]);
    expect(updated.widgets[3]!.id).not.toMatch(new RegExp(`${first!.id}|${second!.id}|${third!.id}`));

    const { rows } = await as('analyst').ok<{ rows: Array<{ dashboard_id: string; widgets: number; visibility: string }> }>('list_dashboards', {});
    expect(rows).toEqual([expect.objectContaining({ dashboard_id: created.dashboard_id, widgets: 4, visibility: 'team' })]);
    expect((await as('analyst').fails('create_dashboard', { name: 'Team board v2', widgets: [] })).code).toBe('conflict');
  });

  it('refuses widgets outside the grid, overlapping, with two sources or an unknown report', async () => {
    const attempt = (widgets: unknown[]) => as('analyst').fails('create_dashboard', { name: `Bad ${Math.random()}`, widgets });
    expect((await attempt([{ title: 'Wide', report: inline, chart: 'bar', x: 8, y: 0, w: 6, h: 2 }])).issues?.[0]?.path).toBe('widgets[0].w');
    expect((await attempt(layout([{ title: 'On top', report: inline, chart: 'bar', x: 3, y: 1, w: 2, h: 2 }]))).message).toMatch(/widgets\[3\].*overlaps widgets\[0\]/);
    expect((await attempt([{ title: 'Both', report: inline, report_id: reports.shared, chart: 'bar', x: 0, y: 0, w: 2, h: 2 }])).message).toMatch(/exactly one/);
    expect((await attempt([{ title: 'Neither', chart: 'bar', x: 0, y: 0, w: 2, h: 2 }])).message).toMatch(/exactly one/);
    expect((await attempt([{ title: 'Gone', report_id: '01900000-0000-7000-8000-00000000dead', chart: 'bar', x: 0, y: 0, w: 2, h: 2 }])).code).toBe('not_found');
    const typo = await attempt([{ title: 'Typo', report: { ...inline, metrics: ['spnd'] }, chart: 'bar', x: 0, y: 0, w: 2, h: 2 }]);
    expect(typo.issues?.[0]).toMatchObject({ path: 'widgets[0].report.metrics[0]', message: expect.stringContaining('"spend"') });
    // Someone else's private report cannot be put on a dashboard either.
    expect((await as('manager').fails('create_dashboard', { name: 'Peek', widgets: [{ title: 'Secret', report_id: reports.secret, chart: 'bar', x: 0, y: 0, w: 2, h: 2 }] })).code).toBe('not_found');
    const unknownId = await as('analyst').fails('update_dashboard', { dashboard_id: (await firstDashboard()).dashboard_id, widgets: [{ id: 'made-up', title: 'x', report: inline, chart: 'bar', x: 0, y: 0, w: 2, h: 2 }] });
    expect(unknownId.issues?.[0]?.path).toBe('widgets[0].id');
  });

  const firstDashboard = async () => (await as('analyst').ok<{ rows: Dashboard[] }>('list_dashboards', {})).rows[0]!;

  it('shows a deleted report as an error on its widget alone', async () => {
    const board = await firstDashboard();
    expect(await as('analyst').ok('delete_report', { report_id: reports.doomed })).toMatchObject({ deleted: true, dashboards_showing: 1 });
    const read = await as('analyst').ok<Dashboard>('get_dashboard', { dashboard_id: board.dashboard_id });
    const byTitle = Object.fromEntries(read.widgets.map((widget) => [widget.title, widget]));
    expect(byTitle.Doomed).toMatchObject({ report_id: reports.doomed, result: null, error: { code: 'not_found' } });
    expect(byTitle['Shared ROAS']).toMatchObject({ report_name: 'Report shared', error: null });
    expect(byTitle['Shared ROAS']!.result?.columns.map((column) => column.key)).toEqual(expect.arrayContaining(['channel', 'spend', 'roas']));
    expect(byTitle['Spend inline (wide)']!.result?.columns.map((column) => column.key)).toEqual(expect.arrayContaining(['channel', 'spend', 'clicks']));
  });

  it('applies the report visibility rules to dashboards and to the reports on them', async () => {
    const board = await firstDashboard();
    // A private report on a team dashboard: its owner sees the figures, others a not_found widget.
    const mixed = await as('analyst').ok<Dashboard>('create_dashboard', {
      name: 'Mixed', visibility: 'organization',
      widgets: [{ title: 'Secret', report_id: reports.secret, chart: 'bar', x: 0, y: 0, w: 6, h: 4 }, { title: 'Shared', report_id: reports.shared, chart: 'bar', x: 6, y: 0, w: 6, h: 4 }],
    });
    const mine = await as('analyst').ok<Dashboard>('get_dashboard', { dashboard_id: mixed.dashboard_id, run: false });
    expect(mine.widgets.map((widget) => widget.error)).toEqual([null, null]);
    const theirs = await as('viewer').ok<Dashboard>('get_dashboard', { dashboard_id: mixed.dashboard_id, run: false });
    expect(theirs.widgets.map((widget) => widget.error?.code ?? null)).toEqual(['not_found', null]);
    expect(theirs.widgets[0]!.report_name).toBeNull();

    // The team board: hidden from the viewer, read-only for a second analyst, editable by a manager.
    expect((await as('viewer').fails('get_dashboard', { dashboard_id: board.dashboard_id })).code).toBe('not_found');
    expect((await as('viewer').ok<{ rows: Dashboard[] }>('list_dashboards', {})).rows.map((row) => row.name)).toEqual(['Mixed']);
    expect((await as('analyst2').ok<Dashboard>('get_dashboard', { dashboard_id: board.dashboard_id, run: false })).name).toBe('Team board v2');
    expect((await as('analyst2').fails('update_dashboard', { dashboard_id: board.dashboard_id, name: 'Bob board' })).code).toBe('forbidden');
    // The manager renames it; the widget showing the analyst's report is kept without a visibility re-check.
    const renamed = await as('manager').ok<Dashboard>('update_dashboard', { dashboard_id: mixed.dashboard_id, name: 'Mixed (managed)', widgets: mine.widgets.map(({ id, title, report_id, x, y, w, h }) => ({ id, title, report_id: report_id!, chart: 'bar', x, y, w, h })) });
    expect(renamed.name).toBe('Mixed (managed)');
    const privateBoard = await as('analyst').ok<Dashboard>('create_dashboard', { name: 'Private board', widgets: [] });
    expect((await as('manager').fails('get_dashboard', { dashboard_id: privateBoard.dashboard_id })).code).toBe('not_found');
    expect((await as('manager').ok<{ rows: Dashboard[] }>('list_dashboards', {})).rows.map((row) => row.name).sort()).toEqual(['Mixed (managed)', 'Team board v2']);
  });

  it("never shows organisation B organisation A's dashboards", async () => {
    const board = await firstDashboard();
    expect((await as('ownerB').ok<{ rows: unknown[] }>('list_dashboards', {})).rows).toEqual([]);
    expect((await as('ownerB').fails('get_dashboard', { dashboard_id: board.dashboard_id })).code).toBe('not_found');
    expect((await as('ownerB').fails('update_dashboard', { dashboard_id: board.dashboard_id, name: 'Stolen' })).code).toBe('not_found');
    // Nor can B put A's report on its own dashboard.
    expect((await as('ownerB').fails('create_dashboard', { name: 'B board', visibility: 'team', widgets: [{ title: 'A', report_id: reports.shared, chart: 'bar', x: 0, y: 0, w: 2, h: 2 }] })).code).toBe('not_found');
  });
});
