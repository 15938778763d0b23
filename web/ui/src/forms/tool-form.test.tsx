import { render, screen, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createVendor } from '../../../../tools/campaigns/records/create-vendor.ts';
import { payVendor } from '../../../../tools/campaigns/payments/pay-vendor.ts';
import { updateClient } from '../../../../tools/campaigns/records/update-client.ts';
import { publishTool } from '../../../../tools/registry/published-tool.ts';
import type { AnyTool } from '../../../../tools/registry/define-tool.ts';
import { SessionProvider } from '../auth/session.tsx';
import { valuesFrom } from './form-values.ts';
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
});
