import { render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createVendor } from '../../../../tools/campaigns/records/create-vendor.ts';
import { payVendor } from '../../../../tools/campaigns/payments/pay-vendor.ts';
import { updateClient } from '../../../../tools/campaigns/records/update-client.ts';
import { createNote } from '../../../../tools/crm/notes/create-note.ts';
import { createTask } from '../../../../tools/crm/tasks/create-task.ts';
import { updateDeal } from '../../../../tools/crm/deals/update-deal.ts';
import { publishTool } from '../../../../tools/registry/published-tool.ts';
import type { AnyTool } from '../../../../tools/registry/define-tool.ts';
import { SessionProvider } from '../auth/session.tsx';
import { prefillFrom, valuesFrom } from './form-values.ts';
import { fieldsOf } from './schema-fields.ts';
import type { CatalogueTool } from './tool-catalogue.ts';
import { ToolForm } from './tool-form.tsx';

/** The tool as GET /api/tools lists it. */
function catalogued(tool: AnyTool): CatalogueTool {
  const published = publishTool(tool);
  return { name: published.name, title: published.title, description: published.description, area: published.area, access: published.access, read_only: false, input_schema: published.inputSchema };
}

/** The HTTP API at the network boundary: each POST answered in the API's shapes, in order; requests recorded. */
function serve(answers: Record<string, Array<{ status: number; body: unknown }>>) {
  const calls: Array<{ path: string; body: unknown }> = [];
  vi.stubGlobal('fetch', vi.fn(async (url: string, init?: RequestInit) => {
    const path = new URL(url, 'http://ui.invalid').pathname;
    calls.push({ path, body: init?.body ? JSON.parse(String(init.body)) : null });
    const answer = answers[path]?.shift() ?? { status: 404, body: { error: { code: 'not_found', message: `no ${path}` } } };
    return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'content-type': 'application/json' } });
  }));
  return calls;
}

afterEach(() => vi.unstubAllGlobals());

describe('ToolForm', () => {
  it('renders create_vendor from its schema: typed fields, required marks, help text and defaults', () => {
    serve({});
    render(<SessionProvider initialToken="t"><ToolForm tool={catalogued(createVendor)} /></SessionProvider>);
    const name = screen.getByLabelText(/^Name/);
    expect(name.getAttribute('aria-required')).toBe('true');
    expect(screen.getByText('Vendor name, unique in the organisation.').id).toBe(name.getAttribute('aria-describedby'));
    expect(screen.getByLabelText(/^Contact email/).getAttribute('type')).toBe('email');
    expect(screen.getByLabelText(/^Cost per 1k streams/).getAttribute('inputmode')).toBe('decimal');
    expect((screen.getByLabelText('Is active') as HTMLInputElement).checked).toBe(true);
    expect(screen.getByRole('button', { name: 'Create a vendor' })).toBeTruthy();
  });

  it("shows the tool's invalid_input issue beside the field it names, and the saved record once corrected", async () => {
    const calls = serve({
      '/api/tools/create_vendor': [
        { status: 400, body: { error: { code: 'invalid_input', message: 'Invalid input for create_vendor: cost_per_1k_streams: must be 0 or more', issues: [{ path: 'cost_per_1k_streams', message: 'must be 0 or more' }] } } },
        { status: 200, body: { id: 'v9', name: 'Pulse Media', contact_email: null, cost_per_1k_streams: 2.5, currency: 'USD', is_active: true, created_at: '2026-12-06T00:00:00.000Z' } },
      ],
    });
    render(<SessionProvider initialToken="t"><ToolForm tool={catalogued(createVendor)} /></SessionProvider>);
    await userEvent.type(screen.getByLabelText(/^Name/), 'Pulse Media');
    await userEvent.type(screen.getByLabelText(/^Cost per 1k streams/), '-2');
    await userEvent.click(screen.getByRole('button', { name: 'Create a vendor' }));

    const cost = screen.getByLabelText(/^Cost per 1k streams/);
    const field = cost.closest('.form-field') as HTMLElement;
    expect(within(field).getByRole('alert').textContent).toBe('must be 0 or more');
    expect(cost.getAttribute('aria-invalid')).toBe('true');
    expect(cost.getAttribute('aria-describedby')).toContain(within(field).getByRole('alert').id);
    expect(screen.getByLabelText(/^Name/).getAttribute('aria-invalid')).toBeNull();
    expect(document.querySelector('.form-failure')!.textContent).toContain('one field needs a change');
    expect(calls[0]).toEqual({ path: '/api/tools/create_vendor', body: { name: 'Pulse Media', cost_per_1k_streams: -2, is_active: true } });

    await userEvent.clear(cost);
    await userEvent.type(cost, '2.5');
    expect(within(field).queryByRole('alert')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Create a vendor' }));
    expect(await screen.findByRole('heading', { name: 'Created: Pulse Media' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'See the vendors' }).getAttribute('href')).toBe('/vendors');
  });

  it('an edit sends only what changed; a message naming no field is the form\'s', async () => {
    const calls = serve({ '/api/tools/update_client': [{ status: 404, body: { error: { code: 'not_found', message: 'No client with id c1 in this organisation.' } } }] });
    const tool = catalogued(updateClient);
    const baseline = valuesFrom(fieldsOf(tool.input_schema), { client_id: 'c1', name: 'Cobalt', emails: ['a@b.example'], contact_person: 'Ana', phone: null });
    render(<SessionProvider initialToken="t"><ToolForm tool={tool} baseline={baseline} locked={['client_id']} /></SessionProvider>);
    expect((screen.getByLabelText(/^Emails/) as HTMLInputElement).value).toBe('a@b.example');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(document.querySelector('.form-failure')!.textContent).toBe('Nothing changed yet: edit a field, then save.');
    await userEvent.clear(screen.getByLabelText(/^Contact person/));
    await userEvent.type(screen.getByLabelText(/^Phone/), '+34 600');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(calls.find((call) => call.path === '/api/tools/update_client')!.body).toEqual({ client_id: 'c1', contact_person: null, phone: '+34 600' });
    expect((await screen.findByRole('alert')).textContent).toContain('No client with id c1');
  });

  it('an approval tool ends in Request approval and shows the pending request with its link', async () => {
    serve({ '/api/tools/pay_vendor': [{ status: 200, body: { approval_id: 'ap1', status: 'pending', preview: 'Pay Pulse Media 450.00 USD', approve_url: null } }] });
    const tool = catalogued(payVendor);
    render(<SessionProvider initialToken="t"><ToolForm tool={tool} initial={valuesFrom(fieldsOf(tool.input_schema), { vendor_id: 'v1', amount: '450' })} /></SessionProvider>);
    await userEvent.click(screen.getByRole('button', { name: 'Request approval' }));
    expect(await screen.findByRole('heading', { name: 'Approval requested' })).toBeTruthy();
    expect(screen.getByText('Pay Pulse Media 450.00 USD')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'See the request in Approvals' }).getAttribute('href')).toBe('/approvals/ap1');
  });

  it('prefills a nested field from the page (a task about a deal), hides it, and still sends it', async () => {
    const dealId = '01900000-0000-7000-8000-0000000000d1';
    const calls = serve({
      '/api/tools/create_task': [
        { status: 400, body: { error: { code: 'invalid_input', message: 'Invalid input for create_task: title: must not be empty; subject.id: no deal with this id', issues: [{ path: 'title', message: 'must not be empty' }, { path: 'subject.id', message: 'no deal with this id' }] } } },
        { status: 200, body: { task_id: 't1', title: 'Send the deck' } },
      ],
    });
    const tool = catalogued(createTask);
    const initial = prefillFrom(fieldsOf(tool.input_schema), { 'subject.type': 'deal', 'subject.id': dealId, 'nowhere.deep': 'x', back: '/crm/deals/d1' });
    render(<SessionProvider initialToken="t"><ToolForm tool={tool} initial={initial} hidden={['subject']} /></SessionProvider>);
    expect(screen.queryByRole('group', { name: /Subject/ })).toBeNull();
    expect(screen.queryByLabelText(/^Type/)).toBeNull();
    await userEvent.type(screen.getByLabelText(/^Title/), ' ');
    await userEvent.click(screen.getByRole('button', { name: 'Create a task' }));

    // The visible field's error stands beside it; the hidden one's is the form's, by its key.
    const title = screen.getByLabelText(/^Title/);
    expect(within(title.closest('.form-field') as HTMLElement).getByRole('alert').textContent).toBe('must not be empty');
    expect(title.getAttribute('aria-invalid')).toBe('true');
    const failure = document.querySelector('.form-failure')!;
    expect(failure.textContent).toContain('subject.id: no deal with this id');

    await userEvent.type(title, 'Send the deck');
    await userEvent.click(screen.getByRole('button', { name: 'Create a task' }));
    expect(await screen.findByRole('heading', { name: 'Created: Send the deck' })).toBeTruthy();
    expect(calls[1]!.body).toEqual({ title: 'Send the deck', priority: 'NORMAL', subject: { type: 'deal', id: dealId } });
  });

  it('leaves an optional group nobody filled out of the input (a task about no record)', async () => {
    const calls = serve({ '/api/tools/create_task': [{ status: 200, body: { task_id: 't2', title: 'Plan Q1' } }] });
    render(<SessionProvider initialToken="t"><ToolForm tool={catalogued(createTask)} /></SessionProvider>);
    await userEvent.type(screen.getByLabelText(/^Title/), 'Plan Q1');
    await userEvent.click(screen.getByRole('button', { name: 'Create a task' }));
    await screen.findByRole('heading', { name: 'Created: Plan Q1' });
    expect(calls[0]!.body).toEqual({ title: 'Plan Q1', priority: 'NORMAL' });
  });

  it('prefills an item of a list (a note on a company) and locks it: shown, not editable, sent', async () => {
    const companyId = '01900000-0000-7000-8000-0000000000c1';
    const calls = serve({ '/api/tools/create_note': [{ status: 200, body: { note_id: 'n1', body: 'Call went well' } }] });
    const tool = catalogued(createNote);
    const initial = prefillFrom(fieldsOf(tool.input_schema), { 'subjects.0.type': 'company', 'subjects.0.id': companyId });
    render(<SessionProvider initialToken="t"><ToolForm tool={tool} initial={initial} locked={['subjects.0']} /></SessionProvider>);
    const id = screen.getByLabelText(/^ID/) as HTMLInputElement;
    expect(id.value).toBe(companyId);
    expect(id.disabled).toBe(true);
    expect(screen.queryByRole('button', { name: /Remove subject 1/ })).toBeNull();
    await userEvent.type(screen.getByLabelText(/^Body/), 'Call went well');
    await userEvent.click(screen.getByRole('button', { name: 'Add a note' }));
    await screen.findByRole('heading', { name: /^Created/ });
    expect(calls[0]!.body).toEqual({ body: 'Call went well', subjects: [{ type: 'company', id: companyId }] });
  });

  it("an edited deal's company and contacts are chosen by name; unticking a contact sends the ones left, the rest unchanged", async () => {
    const [dealId, companyId, rosa, leo, mia] = ['d1', 'c1', 'p1', 'p2', 'p3'].map((end) => `01900000-0000-7000-8000-0000000000${end}`);
    const person = (id: string, name: string) => ({ id, name, primary_email: null, title: null, company: null, lifecycle: 'LEAD', owner: null, tags: [], is_active: true, updated_at: '2026-12-01T00:00:00.000Z' });
    const calls = serve({
      '/api/tools/list_contacts': [{ status: 200, body: { rows: [person(mia!, 'Mia Chen'), person(leo!, 'Leo Brandt'), person(rosa!, 'Rosa Vidal')], next_cursor: null } }],
      '/api/tools/list_companies': [{ status: 200, body: { rows: [{ id: companyId, name: 'Lumen Festival', domain: null, type: 'PROSPECT', owner: null, tags: [], is_active: true }], next_cursor: null } }],
      '/api/tools/update_deal': [{ status: 200, body: { deal_id: dealId, name: 'Spring tour' } }],
    });
    const tool = catalogued(updateDeal);
    const baseline = valuesFrom(fieldsOf(tool.input_schema), { deal_id: dealId, name: 'Spring tour', company_id: companyId, contact_ids: [rosa, leo], amount: 18000, currency: 'EUR' });
    render(<SessionProvider initialToken="t"><ToolForm tool={tool} baseline={baseline} locked={['deal_id']} /></SessionProvider>);
    const contacts = await screen.findByRole('group', { name: 'Contacts' });
    const boxes = await within(contacts).findAllByRole('checkbox');
    // The deal's own contacts first, ticked, then the others.
    expect(boxes.map((box) => [box.closest('label')!.textContent, (box as HTMLInputElement).checked])).toEqual([['Rosa Vidal', true], ['Leo Brandt', true], ['Mia Chen', false]]);
    expect(((await screen.findByRole('option', { name: 'Lumen Festival' })) as HTMLOptionElement).selected).toBe(true);
    await userEvent.click(within(contacts).getByLabelText('Leo Brandt'));
    expect(within(contacts).getByText('1 contact chosen.')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByRole('heading', { name: 'Saved: Spring tour' });
    expect(calls.find((call) => call.path === '/api/tools/update_deal')!.body).toEqual({ deal_id: dealId, contact_ids: [rosa] });
    expect(screen.getByRole('link', { name: 'Open the deal' }).getAttribute('href')).toBe(`/crm/deals/${dealId}`);
  });
});
