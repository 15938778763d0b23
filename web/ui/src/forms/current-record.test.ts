import { describe, expect, it } from 'vitest';
import { updateCompany } from '../../../../tools/crm/companies/update-company.ts';
import { updateContact } from '../../../../tools/crm/contacts/update-contact.ts';
import { updateDeal } from '../../../../tools/crm/deals/update-deal.ts';
import { publishTool } from '../../../../tools/registry/published-tool.ts';
import type { AnyTool } from '../../../../tools/registry/define-tool.ts';
import type { ApiClient } from '../api/client.ts';
import { editedIdField, readCurrentRecord } from './current-record.ts';
import { changedInput, setValue, valuesFrom } from './form-values.ts';
import { fieldsOf } from './schema-fields.ts';

const DEAL = '01900000-0000-7000-8000-0000000000d1';
const COMPANY = '01900000-0000-7000-8000-0000000000c1';
const CONTACT = '01900000-0000-7000-8000-0000000000a1';
const OTHER_CONTACT = '01900000-0000-7000-8000-0000000000a2';

/** The API answering get_* tools with the given outputs; the calls made are recorded. */
function apiAnswering(outputs: Record<string, unknown>) {
  const calls: Array<{ path: string; body: unknown }> = [];
  const api = {
    async post(path: string, body: unknown) {
      calls.push({ path, body });
      const tool = path.replace('/tools/', '');
      if (!(tool in outputs)) return new Response(JSON.stringify({ error: { code: 'not_found', message: `no ${tool}` } }), { status: 404 });
      return new Response(JSON.stringify(outputs[tool]), { status: 200, headers: { 'content-type': 'application/json' } });
    },
  } as unknown as ApiClient;
  return { api, calls };
}

/** The edit form of `tool` as the page opens it from `query`: which id it edits and the values it shows. */
async function openEdit(tool: AnyTool, query: Record<string, string>, outputs: Record<string, unknown>) {
  const schema = publishTool(tool).inputSchema;
  const fields = fieldsOf(schema);
  const idField = editedIdField(schema.required as string[], query);
  expect(idField).not.toBeNull();
  const { api, calls } = apiAnswering(outputs);
  const { row } = await readCurrentRecord(api, idField!, query);
  const baseline = valuesFrom(fields, row);
  /** What Save sends after `edits` (field key -> typed text), checked against the tool's own input schema. */
  const save = (edits: Record<string, string>) => {
    let values = baseline;
    for (const [key, text] of Object.entries(edits)) values = setValue(values, key, text);
    const built = changedInput(fields, values, baseline);
    expect(built.errors).toEqual({});
    expect(tool.input.safeParse(built.input).success).toBe(true);
    return built.input;
  };
  return { baseline, calls, save };
}

const dealOutput = {
  deal_id: DEAL, name: 'Spring tour sponsorship', company: { company_id: COMPANY, name: 'Lumen Festival' }, amount: 18000, currency: 'EUR',
  stage: 'QUALIFIED', stage_label: 'Qualified', stage_changed_at: '2026-12-01T10:00:00.000Z', expected_close_date: '2027-03-31', owner: 'Ana Admin', owner_email: 'ana@crescendo.example',
  closed_at: null, close_reason: null, contacts: [{ contact_id: CONTACT, name: 'Rosa Vidal' }, { contact_id: OTHER_CONTACT, name: 'Leo Brandt' }],
  is_active: true, updated_at: '2026-12-01T10:00:00.000Z', probability: 0.25, contact_emails: { [CONTACT]: 'rosa@lumen.example', [OTHER_CONTACT]: null },
  stage_history: [], tasks: [], notes: [],
};

const companyOutput = {
  company: {
    id: COMPANY, name: 'Lumen Festival', domain: 'lumen.example', industry: 'Live music', size_band: '11-50', type: 'PROSPECT', owner: 'Ana Admin', owner_email: 'ana@crescendo.example',
    tags: ['festival', 'summer'], address: { city: 'Valencia', country: 'ES' }, is_active: true, merged_into_id: null, updated_at: '2026-12-01T10:00:00.000Z',
  },
  contacts: [], contacts_count: 0, open_deals_count: 1, clients: [], recent_activity_count: 0, open_deals: [], overdue_tasks: [], latest_activity: [],
};

const contactOutput = {
  contact: {
    id: CONTACT, name: 'Rosa Vidal', emails: [{ email: 'rosa@lumen.example', is_primary: true }, { email: 'rosa.vidal@gmail.example', is_primary: false }],
    primary_email: 'rosa@lumen.example', phone: null, title: 'Partnerships lead', company: { id: COMPANY, name: 'Lumen Festival' }, lifecycle: 'LEAD',
    owner: 'Ana Admin', owner_email: 'ana@crescendo.example', tags: ['vip'], social_handles: { instagram: 'rosavidal' }, source: 'manual', is_active: true, merged_into_id: null, updated_at: '2026-12-01T10:00:00.000Z',
  },
  deals: [], open_tasks_count: 0, recent_activity_count: 0,
};

describe('the record an edit form starts from', () => {
  it('update_deal shows the deal from get_deal: company and contacts by id, the amount as typed text, the owner by email', async () => {
    const { baseline, calls, save } = await openEdit(updateDeal, { deal_id: DEAL, back: `/crm/deals/${DEAL}` }, { get_deal: dealOutput });
    expect(calls).toEqual([{ path: '/tools/get_deal', body: { deal_id: DEAL } }]);
    expect(baseline).toEqual({
      deal_id: DEAL, name: 'Spring tour sponsorship', company_id: COMPANY, contact_ids: `${CONTACT}, ${OTHER_CONTACT}`,
      amount: '18000', currency: 'EUR', expected_close_date: '2027-03-31', owner: 'ana@crescendo.example',
    });
    // The amount alone is sent: neither the unchanged owner nor the unchanged currency.
    expect(save({ amount: '25,000' })).toEqual({ deal_id: DEAL, amount: 25000 });
    expect(save({ owner: 'leo@crescendo.example' })).toEqual({ deal_id: DEAL, owner: 'leo@crescendo.example' });
    // Emptying the owner field clears the owner (update_deal's null), not leaves it.
    expect(save({ owner: '' })).toEqual({ deal_id: DEAL, owner: null });
    // Removing a contact sends the list that is left; emptying it sends the empty list (no contacts), not nothing.
    expect(save({ contact_ids: CONTACT })).toEqual({ deal_id: DEAL, contact_ids: [CONTACT] });
    expect(save({ contact_ids: '' })).toEqual({ deal_id: DEAL, contact_ids: [] });
    expect(save({ company_id: '', expected_close_date: '' })).toEqual({ deal_id: DEAL, company_id: null, expected_close_date: null });
  });

  it('update_deal of a deal without company, contacts, amount or close date starts empty and sends only what is typed', async () => {
    const bare = { ...dealOutput, company: null, contacts: [], amount: null, expected_close_date: null, owner: null, owner_email: null, contact_emails: {} };
    const { baseline, save } = await openEdit(updateDeal, { deal_id: DEAL }, { get_deal: bare });
    expect(baseline).toMatchObject({ company_id: '', contact_ids: '', amount: '', expected_close_date: '', owner: '' });
    expect(save({ name: 'Spring tour' })).toEqual({ deal_id: DEAL, name: 'Spring tour' });
  });

  it('update_company shows the company from get_company: tags as a list, the address by its parts, the owner by email', async () => {
    const { baseline, calls, save } = await openEdit(updateCompany, { company_id: COMPANY }, { get_company: companyOutput });
    expect(calls.map((call) => call.path)).toEqual(['/tools/get_company']);
    expect(baseline).toEqual({
      company_id: COMPANY, name: 'Lumen Festival', domain: 'lumen.example', industry: 'Live music', size_band: '11-50', type: 'PROSPECT', owner: 'ana@crescendo.example',
      tags: 'festival, summer', address: { line1: '', line2: '', city: 'Valencia', region: '', postal_code: '', country: 'ES' }, is_active: 'true',
    });
    expect(save({ industry: 'Festivals' })).toEqual({ company_id: COMPANY, industry: 'Festivals' });
    expect(save({ tags: 'festival, summer, vip' })).toEqual({ company_id: COMPANY, tags: ['festival', 'summer', 'vip'] });
    expect(save({ tags: '' })).toEqual({ company_id: COMPANY, tags: [] });
    expect(save({ 'address.city': 'Madrid' })).toEqual({ company_id: COMPANY, address: { city: 'Madrid', country: 'ES' } });
    expect(save({ 'address.city': '', 'address.country': '' })).toEqual({ company_id: COMPANY, address: null });
  });

  it('update_contact shows the contact from get_contact: emails as addresses, the company by id, handles as JSON, the owner by email', async () => {
    const { baseline, save } = await openEdit(updateContact, { contact_id: CONTACT }, { get_contact: contactOutput });
    expect(baseline).toEqual({
      contact_id: CONTACT, name: 'Rosa Vidal', emails: 'rosa@lumen.example, rosa.vidal@gmail.example', primary_email: 'rosa@lumen.example', phone: '',
      title: 'Partnerships lead', company_id: COMPANY, lifecycle: 'LEAD', owner: 'ana@crescendo.example', tags: 'vip', social_handles: JSON.stringify({ instagram: 'rosavidal' }, null, 2), is_active: 'true',
    });
    expect(save({ title: 'Head of partnerships' })).toEqual({ contact_id: CONTACT, title: 'Head of partnerships' });
    expect(save({ emails: 'rosa@lumen.example' })).toEqual({ contact_id: CONTACT, emails: ['rosa@lumen.example'] });
    expect(save({ primary_email: 'rosa.vidal@gmail.example' })).toEqual({ contact_id: CONTACT, primary_email: 'rosa.vidal@gmail.example' });
    expect(save({ company_id: '', lifecycle: 'CUSTOMER' })).toEqual({ contact_id: CONTACT, company_id: null, lifecycle: 'CUSTOMER' });
  });

  it('a record the tool cannot find is a not_found naming the id', async () => {
    const { api } = apiAnswering({});
    await expect(readCurrentRecord(api, 'deal_id', { deal_id: DEAL })).rejects.toMatchObject({ code: 'not_found' });
  });
});
