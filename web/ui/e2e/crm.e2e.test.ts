import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from './browser.ts';
import type { EmbeddedApp } from './embedded-app.ts';
import { callTool, signedInPage as openSignedInPage } from './signed-in.ts';
import { closeBrowserWorld, openBrowserWorld, SHOTS } from './browser-world.ts';

const PHONE = { width: 390, height: 844 };

/** The option a select shows (a record picker's choice, once its list has loaded). */
const shownOption = (select: Locator) => select.evaluate((element) => (element as HTMLSelectElement).selectedOptions[0]?.textContent ?? null);

interface Created { id: string }
interface Deal { deal_id: string; name: string; stage: string }

/**
 * The CRM pages against `crescendo start` with the demo data: a company, contact, deals and tasks
 * made through the API first (the page under test never writes them itself), then the pipeline
 * board's stage menu, a refused move's message, the company's timeline, contacts and tasks, and the
 * deal's own page: its stage moved there, a note and a task added about it through the forms.
 */
describe.skipIf(!hasChromium)('CRM pages in Chromium against the embedded app', () => {
  let app: EmbeddedApp;
  let browser: Browser;
  const pageErrors: string[] = [];
  const stamp = Date.now().toString(36);
  const companyName = `Lumen Festival ${stamp}`;
  const dealName = `Spring tour sponsorship ${stamp}`;
  const wonName = `Winter showcase ${stamp}`;
  let company: Created;
  let contact: Created;
  let deal: Deal;

  const api = async <Output>(tool: string, input: unknown): Promise<Output> => {
    const answer = await callTool<Output & { error?: { message: string } }>(app, tool, input);
    if ((answer as { error?: unknown }).error) throw new Error(`${tool}: ${JSON.stringify((answer as { error: unknown }).error)}`);
    return answer;
  };
  const signedInPage = (path: string, viewport?: { width: number; height: number }) => openSignedInPage(browser, app, pageErrors, path, viewport);
  const card = (page: Page | Locator, name: string) => page.getByRole('article', { name, exact: true });
  const column = (page: Page, label: string) => page.getByRole('listitem', { name: label, exact: true });

  beforeAll(async () => {
    ({ app, browser } = await openBrowserWorld());
    company = await api<Created>('create_company', { name: companyName, domain: `lumen-${stamp}.example`, type: 'PROSPECT', industry: 'Live music', size_band: '11-50', tags: ['festival'] });
    contact = await api<Created>('create_contact', { name: 'Rosa Vidal', emails: [`rosa@lumen-${stamp}.example`], title: 'Partnerships lead', company_id: company.id });
    deal = await api<Deal>('create_deal', { name: dealName, company_id: company.id, contact_ids: [contact.id], amount: 18000, currency: 'EUR', expected_close_date: '2027-03-31' });
    const won = await api<Deal>('create_deal', { name: wonName, company_id: company.id, amount: 6500 });
    await api('move_deal_stage', { deal_id: won.deal_id, stage: 'CLOSED_WON' });
    await api('create_task', { title: `Send the sponsorship deck ${stamp}`, due_at: new Date(Date.now() - 2 * 86_400_000).toISOString(), priority: 'HIGH', subject: { type: 'company', id: company.id } });
    await api('create_task', { title: `Call Rosa about dates ${stamp}`, due_at: new Date(Date.now() + 3 * 3_600_000).toISOString(), subject: { type: 'contact', id: contact.id } });
    await api('create_note', { body: 'Rosa wants the **headline** slot for the sponsor.', subjects: [{ type: 'company', id: company.id }, { type: 'contact', id: contact.id }] });
  }, 300_000);
  afterAll(() => closeBrowserWorld({ app, browser }));

  it('keeps the main navigation, CRM included, on one row at 1280 px', async () => {
    const page = await signedInPage('/crm/pipeline');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'CRM' }).waitFor();
    expect(await nav.getByRole('link', { name: 'CRM' }).getAttribute('aria-current')).toBe('page');
    expect(await nav.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
    // The board loading last settles the shell; the tops are then read in one pass, so a re-render
    // between links cannot leave one detached (a bounding box of null).
    await column(page, 'Lead').waitFor();
    const tops = new Set(await nav.evaluate((element) => [...element.querySelectorAll('a')].map((link) => Math.round(link.getBoundingClientRect().top))));
    expect(tops.size, 'every link on the same row').toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), 'nothing past the right edge (Sign out in view)').toBeLessThanOrEqual(1280);
    const signOut = (await page.getByRole('button', { name: 'Sign out' }).boundingBox())!;
    expect(signOut.x + signOut.width).toBeLessThanOrEqual(1280);
    const bar = (await page.locator('.topbar').boundingBox())!;
    expect(bar.height).toBeLessThan(70);
    await page.close();
  }, 90_000);

  it('shows the deal on the board and moves it to the next stage with the card menu', async () => {
    const page = await signedInPage('/crm/pipeline');
    const lead = card(column(page, 'Lead'), dealName);
    await lead.waitFor();
    expect(await lead.textContent()).toContain(companyName);
    await page.screenshot({ path: `${SHOTS}crm-pipeline-1280.png`, fullPage: true });

    await lead.getByLabel(`Move ${dealName} to stage`).selectOption('QUALIFIED');
    const moved = card(column(page, 'Qualified'), dealName);
    await moved.getByText('Moved from Lead to Qualified.').waitFor();
    expect(await card(column(page, 'Lead'), dealName).count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}crm-pipeline-moved-1280.png`, fullPage: true });
    expect(pageErrors).toEqual([]);
    await page.close();
  }, 90_000);

  it('shows a refused move of a closed deal on its card, and asks the reason for a lost one', async () => {
    const page = await signedInPage('/crm/pipeline');
    const won = card(column(page, 'Won'), wonName);
    await won.waitFor();
    await won.getByLabel(`Move ${wonName} to stage`).selectOption('NEGOTIATION');
    // Closed: the card asks whether to reopen; moving without ticking it is the server's to refuse.
    await won.getByRole('checkbox').waitFor();
    await won.getByRole('button', { name: 'Move to Negotiation' }).click();
    const refusal = won.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/reopen/i);
    expect(await card(column(page, 'Won'), wonName).count()).toBe(1);
    await page.screenshot({ path: `${SHOTS}crm-pipeline-refused-1280.png`, fullPage: true });

    const qualified = card(column(page, 'Qualified'), dealName);
    await qualified.getByLabel(`Move ${dealName} to stage`).selectOption('CLOSED_LOST');
    await qualified.getByLabel('Why was it lost?').waitFor();
    await qualified.getByRole('button', { name: 'Cancel' }).click();
    expect(await qualified.getByLabel('Why was it lost?').count()).toBe(0);
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: `${SHOTS}crm-pipeline-390.png`, fullPage: true });
    expect(pageErrors).toEqual([]);
    await page.close();
  }, 90_000);

  it("shows the move on the company's timeline, with its contacts, open deals and tasks", async () => {
    const page = await signedInPage(`/crm/companies/${company.id}`);
    await page.getByRole('heading', { name: companyName, level: 1 }).waitFor();
    const timeline = page.locator('.crm-timeline');
    await timeline.getByText(`moved deal '${dealName}' from Lead to Qualified`).waitFor();
    expect(await page.getByRole('link', { name: 'Rosa Vidal' }).count()).toBeGreaterThan(0);
    expect(await page.locator('.crm-task-overdue').textContent()).toContain(`Send the sponsorship deck ${stamp}`);
    expect(await page.getByRole('link', { name: 'New deal' }).getAttribute('href')).toBe(`/forms/create_deal?company_id=${company.id}`);
    await page.screenshot({ path: `${SHOTS}crm-company-1280.png`, fullPage: true });
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: `${SHOTS}crm-company-390.png`, fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(pageErrors).toEqual([]);
    await page.close();
  }, 90_000);

  it('lists companies and contacts, and opens a contact with its emails, deals and timeline', async () => {
    const page = await signedInPage(`/crm/companies`);
    await page.getByRole('link', { name: companyName }).waitFor();
    await page.screenshot({ path: `${SHOTS}crm-companies-1280.png`, fullPage: true });
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: `${SHOTS}crm-companies-390.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.getByRole('navigation', { name: 'CRM' }).getByRole('link', { name: 'Contacts' }).click();
    await page.getByLabel('Search').fill(`lumen-${stamp}`);
    await page.getByRole('link', { name: 'Rosa Vidal' }).click();
    await page.getByRole('heading', { name: 'Rosa Vidal', level: 1 }).waitFor();
    await page.getByText(`rosa@lumen-${stamp}.example`).first().waitFor();
    await page.locator('.crm-timeline').getByText('headline', { exact: false }).first().waitFor();
    expect(await page.getByRole('link', { name: dealName }).count()).toBe(1);
    await page.screenshot({ path: `${SHOTS}crm-contact-1280.png`, fullPage: true });
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: `${SHOTS}crm-contact-390.png`, fullPage: true });
    expect(pageErrors).toEqual([]);
    await page.close();
  }, 90_000);

  it("shows a demo contact's captured emails beside its timeline", async () => {
    const captured = await api<{ emails: Array<{ subject: string }> }>('list_captured_emails', { limit: 1 });
    const contacts = await api<{ rows: Array<{ id: string; name: string }> }>('list_contacts', { limit: 200 });
    let shown: { id: string; name: string; subject: string } | undefined;
    for (const row of contacts.rows) {
      const emails = await api<{ emails: Array<{ subject: string }> }>('list_captured_emails', { contact_id: row.id, limit: 1 });
      if (emails.emails[0]) { shown = { ...row, subject: emails.emails[0].subject }; break; }
    }
    expect(captured.emails.length, 'the demo has captured emails').toBe(1);
    expect(shown, 'a demo contact with a captured email').toBeDefined();
    const page = await signedInPage(`/crm/contacts/${shown!.id}`);
    await page.getByRole('heading', { name: shown!.name, level: 1 }).waitFor();
    await page.locator('.crm-emails').getByText(shown!.subject, { exact: true }).first().waitFor();
    await page.screenshot({ path: `${SHOTS}crm-contact-emails-1280.png`, fullPage: true });
    await page.setViewportSize(PHONE);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({ path: `${SHOTS}crm-contact-emails-390.png`, fullPage: true });
    expect(pageErrors).toEqual([]);
    await page.close();
  }, 90_000);

  it('lists my tasks with the overdue one highlighted and completes one with a click', async () => {
    const page = await signedInPage('/crm/tasks');
    const overdue = page.locator('.crm-task-overdue', { hasText: `Send the sponsorship deck ${stamp}` });
    await overdue.waitFor();
    await page.locator('.crm-task-due', { hasText: `Call Rosa about dates ${stamp}` }).waitFor();
    await page.screenshot({ path: `${SHOTS}crm-tasks-1280.png`, fullPage: true });
    await page.getByRole('button', { name: `Mark 'Send the sponsorship deck ${stamp}' done` }).click();
    await expect.poll(() => page.getByText(`Send the sponsorship deck ${stamp}`).count()).toBe(0);
    await page.getByRole('button', { name: 'Everyone' }).click();
    await page.getByText(`Call Rosa about dates ${stamp}`).waitFor();
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: `${SHOTS}crm-tasks-390.png`, fullPage: true });
    expect(pageErrors).toEqual([]);
    await page.close();
  }, 90_000);

  it("opens a deal from the board, moves it on its page, and adds a note and a task about it", async () => {
    const page = await signedInPage('/crm/pipeline');
    const qualified = card(column(page, 'Qualified'), dealName);
    await qualified.getByRole('link', { name: dealName }).click();
    await page.getByRole('heading', { name: dealName, level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/crm/deals/${deal.deal_id}`);
    const details = page.locator('.crm-details');
    expect(await details.getByRole('link', { name: companyName }).getAttribute('href')).toBe(`/crm/companies/${company.id}`);
    const contacts = page.getByRole('region', { name: 'Contacts (1)' });
    expect(await contacts.getByRole('link', { name: 'Rosa Vidal' }).getAttribute('href')).toBe(`/crm/contacts/${contact.id}`);
    expect(await contacts.textContent()).toContain(`rosa@lumen-${stamp}.example`);
    expect(await details.textContent()).toContain('18,000');
    const timeline = page.locator('.crm-timeline');
    await timeline.getByText(`moved deal '${dealName}' from Lead to Qualified`).waitFor();

    // The stage menu is the board's: the server's answer is shown, the page and timeline follow it.
    await page.getByLabel(`Move ${dealName} to stage`).selectOption('PROPOSAL');
    await page.getByRole('status').getByText('Moved from Qualified to Proposal.').waitFor();
    await timeline.getByText(`moved deal '${dealName}' from Qualified to Proposal`).waitFor();
    expect(await page.locator('.crm-stage-badge').textContent()).toBe('Proposal');
    expect((await api<Deal>('get_deal', { deal_id: deal.deal_id })).stage).toBe('PROPOSAL');
    await page.screenshot({ path: `${SHOTS}crm-deal-1280.png`, fullPage: true });

    // Add note: the form knows the deal (no record fields to fill), and the note lands on the timeline.
    await page.getByRole('link', { name: 'Add note' }).click();
    await page.getByRole('heading', { name: 'Add a note', level: 1 }).waitFor();
    expect(await page.locator('.form-about').textContent()).toBe(`About ${dealName} (deal)`);
    expect(await page.getByLabel('ID', { exact: true }).count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}crm-deal-note-form-1280.png`, fullPage: true });
    await page.getByLabel('Body').fill(`Rosa confirmed the budget ${stamp}.`);
    await page.getByRole('button', { name: 'Add a note' }).click();
    await page.getByRole('link', { name: `Back to ${dealName} (deal)` }).click();
    await page.getByRole('heading', { name: dealName, level: 1 }).waitFor();
    await timeline.getByText(`Rosa confirmed the budget ${stamp}.`, { exact: false }).waitFor();
    await page.locator('.crm-notes').getByText(`Rosa confirmed the budget ${stamp}.`).waitFor();

    // New task: prefilled with the deal; the server's refusal of an empty title stands beside the title.
    await page.getByRole('link', { name: 'New task' }).click();
    await page.getByRole('heading', { name: 'Create a task', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Create a task' }).click();
    const title = page.getByLabel('Title');
    await page.locator('[data-field="title"] .field-error').waitFor();
    expect(await title.getAttribute('aria-invalid')).toBe('true');
    await page.screenshot({ path: `${SHOTS}crm-deal-task-form-1280.png`, fullPage: true });
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: `${SHOTS}crm-deal-task-form-390.png`, fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.setViewportSize({ width: 1280, height: 900 });
    await title.fill(`Send the proposal ${stamp}`);
    await page.getByRole('button', { name: 'Create a task' }).click();
    await page.getByRole('heading', { name: `Created: Send the proposal ${stamp}` }).waitFor();
    const tasks = await api<{ rows: Array<{ title: string; subject: { type: string; id: string } | null }> }>('list_tasks', { subject: { type: 'deal', id: deal.deal_id } });
    expect(tasks.rows.map((task) => [task.title, task.subject?.type, task.subject?.id])).toEqual([[`Send the proposal ${stamp}`, 'deal', deal.deal_id]]);
    await page.getByRole('link', { name: `Back to ${dealName} (deal)` }).click();
    await page.locator('.crm-tasks').getByText(`Send the proposal ${stamp}`).waitFor();
    await timeline.getByText(`Send the proposal ${stamp}`, { exact: false }).first().waitFor();
    await page.screenshot({ path: `${SHOTS}crm-deal-after-1280.png`, fullPage: true });
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: `${SHOTS}crm-deal-390.png`, fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    // The company's open deals and the contact's deals link to the deal's page too.
    await page.goto(`${app.base}/crm/companies/${company.id}`);
    await page.getByRole('heading', { name: companyName, level: 1 }).waitFor();
    expect(await page.getByRole('link', { name: dealName }).getAttribute('href')).toBe(`/crm/deals/${deal.deal_id}`);
    await page.screenshot({ path: `${SHOTS}crm-company-after-390.png`, fullPage: true });
    await page.goto(`${app.base}/crm/contacts/${contact.id}`);
    await page.getByRole('heading', { name: 'Rosa Vidal', level: 1 }).waitFor();
    expect(await page.getByRole('link', { name: dealName }).getAttribute('href')).toBe(`/crm/deals/${deal.deal_id}`);
    expect(pageErrors).toEqual([]);
    await page.close();
  }, 120_000);

  it("edits a deal from its page: the form shows the deal as stored, and the new amount is on the page after saving", async () => {
    const page = await signedInPage(`/crm/deals/${deal.deal_id}`);
    await page.getByRole('heading', { name: dealName, level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Edit', exact: true }).click();
    await page.getByRole('heading', { name: 'Update a deal', level: 1 }).waitFor();
    const name = page.getByLabel('Name', { exact: true });
    await name.waitFor();
    expect(await name.inputValue()).toBe(dealName);
    const amount = page.getByLabel('Amount', { exact: true });
    expect(await amount.inputValue()).toBe('18000');
    expect(await page.getByLabel('Expected close date').inputValue()).toBe('2027-03-31');
    // get_deal names the owner and gives the email update_deal takes: the field shows the owner's email.
    const stored = await api<{ owner_email: string | null }>('get_deal', { deal_id: deal.deal_id });
    expect(stored.owner_email).toMatch(/@/);
    expect(await page.getByLabel('Owner', { exact: true }).inputValue()).toBe(stored.owner_email);
    // The company and the contacts are chosen by name, the deal's own already chosen.
    await expect.poll(() => shownOption(page.getByLabel('Company', { exact: true }))).toBe(companyName);
    const contactChoices = page.getByRole('group', { name: 'Contacts' });
    expect(await contactChoices.getByLabel('Rosa Vidal').isChecked()).toBe(true);
    expect(await contactChoices.getByRole('checkbox', { checked: true }).count()).toBe(1);
    await page.screenshot({ path: `${SHOTS}crm-deal-edit-1280.png`, fullPage: true });
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: `${SHOTS}crm-deal-edit-390.png`, fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.setViewportSize({ width: 1280, height: 900 });

    const before = await api<Deal & { owner: string | null; contacts: Array<{ contact_id: string }>; currency: string }>('get_deal', { deal_id: deal.deal_id });
    await amount.fill('24500');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('heading', { name: `Saved: ${dealName}` }).waitFor();
    await page.getByRole('link', { name: 'Open the deal' }).click();
    await page.getByRole('heading', { name: dealName, level: 1 }).waitFor();
    await page.locator('.crm-details').getByText('24,500', { exact: false }).waitFor();
    const after = await api<Deal & { amount: number; owner: string | null; contacts: Array<{ contact_id: string }>; currency: string }>('get_deal', { deal_id: deal.deal_id });
    expect(after.amount).toBe(24500);
    expect([after.name, after.owner, after.currency, after.contacts]).toEqual([before.name, before.owner, before.currency, before.contacts]);
    await page.locator('.crm-timeline').getByText(`updated deal '${dealName}': amount`, { exact: false }).waitFor();
    expect(pageErrors).toEqual([]);
    await page.close();
  }, 120_000);

  it("opens the company's and the contact's edit forms with their current values", async () => {
    const page = await signedInPage(`/crm/companies/${company.id}`);
    await page.getByRole('heading', { name: companyName, level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Edit', exact: true }).click();
    await page.getByRole('heading', { name: 'Update a company', level: 1 }).waitFor();
    await page.getByLabel('Name', { exact: true }).waitFor();
    expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe(companyName);
    expect(await page.getByLabel('Industry').inputValue()).toBe('Live music');
    expect(await page.getByLabel('Tags').inputValue()).toBe('festival');
    await expect.poll(() => shownOption(page.getByLabel('Company', { exact: true }))).toBe(companyName);
    await page.screenshot({ path: `${SHOTS}crm-company-edit-1280.png`, fullPage: true });
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: `${SHOTS}crm-company-edit-390.png`, fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.goto(`${app.base}/crm/contacts/${contact.id}`);
    await page.getByRole('heading', { name: 'Rosa Vidal', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Edit', exact: true }).click();
    await page.getByRole('heading', { name: 'Update a contact', level: 1 }).waitFor();
    await page.getByLabel('Name', { exact: true }).waitFor();
    expect(await page.getByLabel('Emails').inputValue()).toBe(`rosa@lumen-${stamp}.example`);
    expect(await page.getByLabel('Title', { exact: true }).inputValue()).toBe('Partnerships lead');
    await expect.poll(() => shownOption(page.getByLabel('Company', { exact: true }))).toBe(companyName);
    await page.screenshot({ path: `${SHOTS}crm-contact-edit-1280.png`, fullPage: true });
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: `${SHOTS}crm-contact-edit-390.png`, fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(pageErrors).toEqual([]);
    await page.close();
  }, 120_000);
});
