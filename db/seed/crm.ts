import { randomBytes, randomUUID } from 'node:crypto';
import type { Transaction } from '../bulk/bulk-writer.ts';
import type { Random } from './random.ts';
import type { PlannedClient, PlannedVendor } from './roster.ts';
import type { SeedCalendar } from './seed-calendar.ts';
import { inChunks } from './write-roster.ts';

/**
 * The demo organisation's CRM: a company for every client and vendor plus brand partners and
 * sponsors, their contacts, a deal pipeline with every stage's history, tasks, notes (one edited)
 * and a few captured emails, each with the timeline entries the CRM tools would have written.
 * Rows are written directly (not through the tools), dated in the past; the same random stream
 * gives the same CRM.
 */

type Stage = 'LEAD' | 'QUALIFIED' | 'PROPOSAL' | 'NEGOTIATION' | 'CLOSED_WON' | 'CLOSED_LOST';
type Lifecycle = 'SUBSCRIBER' | 'LEAD' | 'MARKETING_QUALIFIED' | 'SALES_QUALIFIED' | 'OPPORTUNITY' | 'CUSTOMER' | 'EVANGELIST' | 'OTHER';
type CompanyType = 'PROSPECT' | 'CLIENT' | 'PARTNER' | 'VENDOR';
type SubjectType = 'company' | 'contact' | 'deal' | 'task' | 'note';

const OPEN_PATH: Stage[] = ['LEAD', 'QUALIFIED', 'PROPOSAL', 'NEGOTIATION'];
const STAGE_LABELS: Record<Stage, string> = {
  LEAD: 'Lead', QUALIFIED: 'Qualified', PROPOSAL: 'Proposal', NEGOTIATION: 'Negotiation', CLOSED_WON: 'Closed won', CLOSED_LOST: 'Closed lost',
};

/** The demo's members besides its owner, who own and work the CRM's records. */
const CRM_MEMBERS = [
  { local: 'sam.lee', name: 'Sam Lee', role: 'MANAGER' },
  { local: 'maria.ortiz', name: 'Maria Ortiz', role: 'CAMPAIGN_MANAGER' },
] as const;

const PARTNERS: ReadonlyArray<{ name: string; domain: string; industry: string; type: CompanyType; size: string; city: string; country: string; tags: string[] }> = [
  { name: 'Lumen Headphones', domain: 'lumenaudio.example', industry: 'Consumer electronics', type: 'PARTNER', size: '201-1000', city: 'Berlin', country: 'DE', tags: ['brand-partner', 'audio'] },
  { name: 'Northwind Energy Drinks', domain: 'northwind-drinks.example', industry: 'Beverages', type: 'PARTNER', size: '1000+', city: 'London', country: 'GB', tags: ['brand-partner', 'sponsor'] },
  { name: 'Vela Streetwear', domain: 'velastreet.example', industry: 'Fashion', type: 'PARTNER', size: '51-200', city: 'Barcelona', country: 'ES', tags: ['brand-partner', 'fashion'] },
  { name: 'Solstice Festival', domain: 'solsticefest.example', industry: 'Live events', type: 'PARTNER', size: '11-50', city: 'Lisbon', country: 'PT', tags: ['festival', 'sponsor'] },
  { name: 'Echo Radio Network', domain: 'echoradio.example', industry: 'Media', type: 'PARTNER', size: '201-1000', city: 'Madrid', country: 'ES', tags: ['media'] },
  { name: 'Brightline Ticketing', domain: 'brightline.example', industry: 'Ticketing', type: 'PARTNER', size: '51-200', city: 'Amsterdam', country: 'NL', tags: ['live'] },
  { name: 'Harbor Lights Records', domain: 'harborlights.example', industry: 'Music', type: 'PROSPECT', size: '11-50', city: 'Dublin', country: 'IE', tags: ['label', 'indie'] },
  { name: 'Kite Mobile', domain: 'kitemobile.example', industry: 'Telecommunications', type: 'PROSPECT', size: '1000+', city: 'Paris', country: 'FR', tags: ['sponsor', 'brand'] },
  { name: 'Paloma Coffee Roasters', domain: 'palomacoffee.example', industry: 'Food and drink', type: 'PROSPECT', size: '11-50', city: 'Valencia', country: 'ES', tags: ['sponsor'] },
  { name: 'Aurora Sound Studios', domain: 'aurorasound.example', industry: 'Recording studios', type: 'PROSPECT', size: '2-10', city: 'Manchester', country: 'GB', tags: ['studio'] },
  { name: 'Meridian Sportswear', domain: 'meridiansport.example', industry: 'Sportswear', type: 'PROSPECT', size: '201-1000', city: 'Milan', country: 'IT', tags: ['sponsor', 'fashion'] },
  { name: 'Tandem Management', domain: 'tandem-mgmt.example', industry: 'Artist management', type: 'PROSPECT', size: '2-10', city: 'Stockholm', country: 'SE', tags: ['management', 'indie'] },
  { name: 'Cobalt Games', domain: 'cobaltgames.example', industry: 'Video games', type: 'PROSPECT', size: '51-200', city: 'Montreal', country: 'CA', tags: ['sync', 'brand'] },
  { name: 'Riverbend Arts Council', domain: 'riverbendarts.example', industry: 'Non-profit', type: 'PROSPECT', size: '11-50', city: 'Bristol', country: 'GB', tags: ['grant'] },
];

const FIRST = ['Ana', 'Ben', 'Chloe', 'Diego', 'Elena', 'Femi', 'Grace', 'Hugo', 'Ines', 'Jonas', 'Kira', 'Liam', 'Mei', 'Nadia', 'Oscar', 'Priya', 'Rafael', 'Sofia', 'Tomas', 'Uma', 'Victor', 'Wen', 'Yara', 'Zoe'];
const LAST = ['Ruiz', 'Okafor', 'Martin', 'Novak', 'Costa', 'Jensen', 'Silva', 'Moreau', 'Khan', 'Berg', 'Rossi', 'Walsh', 'Tanaka', 'Haddad', 'Lindqvist', 'Fischer', 'Reyes', 'Adeyemi'];
const PARTNER_TITLES = ['Head of Partnerships', 'Brand Manager', 'Marketing Director', 'Sponsorship Lead', 'Music Supervisor', 'Founder'];
const CLIENT_TITLES = ['Artist Manager', 'Label Manager', 'Head of Digital', 'A&R Manager'];

const DEAL_IDEAS = [
  'Spring tour sponsorship', 'Summer festival stage naming', 'Headphone launch playlist push', 'Album release campaign', 'Sync licensing package',
  'Radio and streaming bundle', 'Holiday campaign', 'Influencer seeding programme', 'Q1 catalogue revival', 'Vinyl pre-order push',
  'Branded content series', 'Stadium tour support', 'Podcast sponsorship', 'TikTok creator campaign', 'Editorial pitching retainer',
  'Game soundtrack placement', 'Coffee shop playlist partnership', 'Student radio tour', 'Live session series', 'Anniversary reissue campaign',
  'Marathon playlist sponsorship', 'Fan club relaunch', 'Playlist curation retainer', 'Single launch retainer',
];

const WON_REASONS = ['Best reach per euro of the three agencies', 'Renewed after a strong first campaign', 'Bundled with the tour support', 'Their brand team loved the pitch deck'];
const LOST_REASONS = ['Budget moved to TV', 'Went with an in-house team', 'Timing: their launch slipped to next year', 'Price: a cheaper agency won'];

interface SeedCompany { id: string; name: string; domain: string; type: CompanyType; ownerId: string; createdDay: number }
interface SeedContact { id: string; name: string; email: string; companyId: string; companyName: string }

interface Member { id: string; name: string; email: string }

export interface CrmSeedInput {
  tx: Transaction;
  random: Random;
  calendar: SeedCalendar;
  organizationId: string;
  slug: string;
  ownerUserId: string;
  clients: PlannedClient[];
  vendors: PlannedVendor[];
}

/** A version 7 UUID for a row created at `at`: lists that read newest first (by id) see the seeded history in order. */
function idAt(at: Date): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(at.getTime(), 0, 6);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Writes the CRM and returns the rows written by table (User and Membership: the members it added). */
export async function writeCrm(input: CrmSeedInput): Promise<Record<string, number>> {
  const { tx, random, calendar, organizationId } = input;
  const today = calendar.days;
  const { members, created } = await crmMembers(input);
  const [owner, sam, maria] = members as [Member, Member, Member];
  const activities: Array<Record<string, unknown>> = [];
  /** One event's rows: one per subject, sharing data.event_id (as recordActivity writes them). */
  const activity = (actor: Member | null, subjects: Array<[SubjectType, string]>, kind: string, summary: string, occurredAt: Date, data: Record<string, unknown> = {}, surface = 'WEB') => {
    const eventId = randomUUID();
    for (const [subjectType, subjectId] of subjects) {
      activities.push({ id: idAt(occurredAt), organizationId, actorUserId: actor?.id ?? null, surface, subjectType, subjectId, kind, summary: summary.slice(0, 500), data: { ...data, event_id: eventId }, occurredAt });
    }
  };
  const moment = (day: number, minutes = 9 * 60 + random.int(0, 8 * 60)) => calendar.at(day, minutes);
  const ownerOf = () => random.weighted<Member>([[owner, 3], [sam, 2], [maria, 2]]);
  let nameIndex = 0;
  const personName = () => {
    const first = FIRST[(nameIndex * 7) % FIRST.length]!;
    const last = LAST[(nameIndex * 5 + Math.floor(nameIndex / FIRST.length)) % LAST.length]!;
    nameIndex += 1;
    return `${first} ${last}`;
  };
  const local = (name: string) => name.toLowerCase().replace(/[^a-z]+/g, '.');

  // Companies: the clients' (CLIENT), the vendors' (VENDOR), brand partners and sponsors.
  const companies: SeedCompany[] = [];
  const companyRows: Array<Record<string, unknown>> = [];
  const addCompany = (name: string, domain: string, type: CompanyType, industry: string, sizeBand: string, tags: string[], address: Record<string, string> | null, isActive = true) => {
    const ownerId = ownerOf().id;
    const createdDay = random.int(0, Math.max(1, today - 60));
    const createdAt = moment(createdDay);
    const company: SeedCompany = { id: idAt(createdAt), name, domain, type, ownerId, createdDay };
    companies.push(company);
    companyRows.push({ id: company.id, organizationId, name, domain, industry, sizeBand, type, ownerId, tags, address: address ?? undefined, isActive, createdAt });
    return company;
  };
  const clientCompanies = input.clients.map((client) =>
    addCompany(client.name, client.emails[0]!.split('@')[1]!, 'CLIENT', 'Music', random.pick(['2-10', '11-50', '51-200']), ['client', 'music'], { city: random.pick(['Madrid', 'London', 'Berlin', 'Los Angeles']), country: random.pick(['ES', 'GB', 'DE', 'US']) }),
  );
  const vendorCompanies = input.vendors.map((vendor) =>
    addCompany(vendor.name, vendor.contactEmail.split('@')[1]!, 'VENDOR', 'Playlist promotion', random.pick(['1', '2-10', '11-50']), ['vendor', 'playlists'], null, vendor.isActive),
  );
  const partnerCompanies = PARTNERS.map((partner) =>
    addCompany(partner.name, partner.domain, partner.type, partner.industry, partner.size, partner.tags, { line1: `${random.int(1, 180)} ${random.pick(['High Street', 'Market Road', 'Harbour Way', 'Avenue of the Arts'])}`, city: partner.city, postal_code: String(random.int(10000, 99999)), country: partner.country }),
  );
  await inChunks(companyRows, (data) => tx.company.createMany({ data: data as never }));
  for (const [index, client] of input.clients.entries()) await tx.client.update({ where: { id: client.id }, data: { companyId: clientCompanies[index]!.id } });
  for (const company of companies) {
    const actor = members.find((member) => member.id === company.ownerId)!;
    activity(actor, [['company', company.id]], 'created', company.type === 'CLIENT' ? `${actor.name} created company '${company.name}' for client '${company.name}'` : `${actor.name} created company '${company.name}'`, moment(company.createdDay));
  }

  // Contacts: the client's contact person (their emails) and a manager, a vendor's bookings contact, one or two per partner.
  const contacts: SeedContact[] = [];
  const contactRows: Array<Record<string, unknown>> = [];
  const emailRows: Array<Record<string, unknown>> = [];
  const addContact = (company: SeedCompany, name: string, emails: string[], title: string, lifecycle: Lifecycle, tags: string[]) => {
    const actor = ownerOf();
    const day = Math.min(today - 1, company.createdDay + random.int(0, 20));
    const createdAt = moment(day);
    const contact: SeedContact = { id: idAt(createdAt), name, email: emails[0]!, companyId: company.id, companyName: company.name };
    contacts.push(contact);
    contactRows.push({
      id: contact.id, organizationId, name, title, companyId: company.id, lifecycle, ownerId: actor.id, tags,
      phone: `+34 6${String(random.int(10_000_000, 99_999_999))}`, socialHandles: random.chance(0.5) ? { instagram: `@${local(name).replace(/\./g, '')}` } : {}, source: 'manual', createdAt,
    });
    emails.forEach((email, index) => emailRows.push({ organizationId, contactId: contact.id, email, isPrimary: index === 0 }));
    activity(actor, [['contact', contact.id], ['company', company.id]], 'created', `${actor.name} created contact '${name}' at '${company.name}'`, createdAt);
    return contact;
  };
  for (const [index, client] of input.clients.entries()) {
    const company = clientCompanies[index]!;
    addContact(company, client.contactPerson, client.emails.map((email) => email.toLowerCase()), random.pick(CLIENT_TITLES), random.pick(['CUSTOMER', 'CUSTOMER', 'EVANGELIST'] as const), ['client']);
    const manager = personName();
    addContact(company, manager, [`${local(manager)}@${company.domain}`], 'Artist Manager', 'CUSTOMER', ['management']);
  }
  for (const [index, vendor] of input.vendors.entries()) {
    const company = vendorCompanies[index]!;
    addContact(company, personName(), [vendor.contactEmail.toLowerCase()], 'Playlist Curator', 'OTHER', ['vendor']);
  }
  const partnerContacts = new Map<string, SeedContact[]>();
  for (const company of partnerCompanies) {
    const count = random.chance(0.5) ? 2 : 1;
    for (let n = 0; n < count; n++) {
      const name = personName();
      const emails = [`${local(name)}@${company.domain}`, ...(random.chance(0.25) ? [`${local(name).split('.')[0]}@${local(name).split('.')[1]}-mail.example`] : [])];
      const lifecycle: Lifecycle = company.type === 'PARTNER' ? random.pick(['CUSTOMER', 'OPPORTUNITY', 'EVANGELIST'] as const) : random.pick(['SUBSCRIBER', 'LEAD', 'MARKETING_QUALIFIED', 'SALES_QUALIFIED', 'OPPORTUNITY'] as const);
      partnerContacts.set(company.id, [...(partnerContacts.get(company.id) ?? []), addContact(company, name, emails, random.pick(PARTNER_TITLES), lifecycle, company.type === 'PARTNER' ? ['partner'] : ['prospect'])]);
    }
  }
  await inChunks(contactRows, (data) => tx.contact.createMany({ data: data as never }));
  await inChunks(emailRows, (data) => tx.contactEmail.createMany({ data: data as never }));
  const firstContact = (company: SeedCompany) => contacts.find((contact) => contact.companyId === company.id)!;

  // Deals: every stage, with the stage changes that led there (dated), won and lost with reasons, some stale, one overdue.
  const plan: Array<{ stage: Stage; stale?: boolean; overdue?: boolean }> = [
    ...['LEAD', 'LEAD', 'LEAD', 'LEAD', 'LEAD'].map((stage) => ({ stage: stage as Stage })),
    { stage: 'QUALIFIED' }, { stage: 'QUALIFIED' }, { stage: 'QUALIFIED', stale: true }, { stage: 'QUALIFIED' },
    { stage: 'PROPOSAL' }, { stage: 'PROPOSAL', overdue: true }, { stage: 'PROPOSAL' }, { stage: 'PROPOSAL', stale: true },
    { stage: 'NEGOTIATION' }, { stage: 'NEGOTIATION' }, { stage: 'NEGOTIATION' },
    { stage: 'CLOSED_WON' }, { stage: 'CLOSED_WON' }, { stage: 'CLOSED_WON' }, { stage: 'CLOSED_WON' },
    { stage: 'CLOSED_LOST' }, { stage: 'CLOSED_LOST' }, { stage: 'CLOSED_LOST' }, { stage: 'LEAD', stale: true },
  ];
  const dealCompanies = [...partnerCompanies, ...clientCompanies];
  const deals: Array<{ id: string; name: string; stage: Stage; companyId: string; companyName: string; ownerId: string; contact: SeedContact }> = [];
  const dealRows: Array<Record<string, unknown>> = [];
  const dealContactRows: Array<Record<string, unknown>> = [];
  const changeRows: Array<Record<string, unknown>> = [];
  let wonIndex = 0;
  let lostIndex = 0;
  for (const [index, spec] of plan.entries()) {
    const company = dealCompanies[index % dealCompanies.length]!;
    const contact = firstContact(company);
    const owner = members.find((member) => member.id === company.ownerId)!;
    const name = DEAL_IDEAS[index % DEAL_IDEAS.length]!;
    const path: Stage[] = spec.stage === 'CLOSED_WON' || spec.stage === 'CLOSED_LOST'
      ? [...OPEN_PATH.slice(0, spec.stage === 'CLOSED_WON' ? 4 : random.int(2, 4)), spec.stage]
      : OPEN_PATH.slice(0, OPEN_PATH.indexOf(spec.stage) + 1);
    // Days spent at each stage before the next: leads move fast, proposals and negotiations take longer.
    const stays = path.slice(0, -1).map((stage) => ({ LEAD: random.int(3, 10), QUALIFIED: random.int(5, 14), PROPOSAL: random.int(8, 21), NEGOTIATION: random.int(6, 18) } as Record<string, number>)[stage]!);
    const lastStay = spec.stale ? random.int(40, 70) : random.int(1, 12);
    const totalDays = stays.reduce((sum, days) => sum + days, 0) + lastStay;
    const createdDay = today - totalDays;
    const amount = Math.round(random.logUniform(2_500, 60_000) / 250) * 250;
    const currency = 'USD';
    const createdAt = moment(createdDay);
    const id = idAt(createdAt);
    let day = createdDay;
    const changes: Array<{ from: Stage | null; to: Stage; day: number }> = [{ from: null, to: 'LEAD', day }];
    for (let step = 1; step < path.length; step++) {
      day += stays[step - 1]!;
      changes.push({ from: path[step - 1]!, to: path[step]!, day });
    }
    const closed = spec.stage === 'CLOSED_WON' || spec.stage === 'CLOSED_LOST';
    const closeReason = spec.stage === 'CLOSED_WON' ? WON_REASONS[wonIndex++ % WON_REASONS.length]! : spec.stage === 'CLOSED_LOST' ? LOST_REASONS[lostIndex++ % LOST_REASONS.length]! : null;
    const expectedDay = spec.overdue ? today - random.int(5, 12) : closed ? day : today + random.int(10, 75);
    const stageChangedAt = moment(day);
    dealRows.push({
      id, organizationId, name, companyId: company.id, amount: amount.toFixed(2), currency, stage: spec.stage, stageChangedAt,
      expectedCloseDate: calendar.date(expectedDay), ownerId: owner.id, closedAt: closed ? stageChangedAt : null, closeReason, createdAt,
    });
    dealContactRows.push({ organizationId, dealId: id, contactId: contact.id });
    deals.push({ id, name, stage: spec.stage, companyId: company.id, companyName: company.name, ownerId: owner.id, contact });
    const subjects: Array<[SubjectType, string]> = [['deal', id], ['company', company.id]];
    const amountText = `${amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${currency}`;
    for (const change of changes) {
      const at = change.day === day ? stageChangedAt : change.from === null ? createdAt : moment(change.day);
      changeRows.push({ organizationId, dealId: id, fromStage: change.from, toStage: change.to, changedById: owner.id, changedAt: at });
      if (change.from === null) activity(owner, subjects, 'created', `${owner.name} created deal '${name}' with ${company.name} for ${amountText}`, at, { stage: 'LEAD' });
      else {
        const reason = change.to === spec.stage && closeReason ? ` (${closeReason})` : '';
        activity(owner, subjects, 'stage_changed', `${owner.name} moved deal '${name}' from ${STAGE_LABELS[change.from]} to ${STAGE_LABELS[change.to]}${reason}`, at, { from: change.from, to: change.to, ...(reason ? { reason: closeReason } : {}) });
      }
    }
  }
  await inChunks(dealRows, (data) => tx.deal.createMany({ data: data as never }));
  await inChunks(dealContactRows, (data) => tx.dealContact.createMany({ data: data as never }));
  await inChunks(changeRows, (data) => tx.dealStageChange.createMany({ data: data as never }));

  // Tasks: open ones due soon, some overdue (three for the owner), some done.
  const openDeals = deals.filter((deal) => !deal.stage.startsWith('CLOSED'));
  const taskPlan: Array<{ title: string; assignee: Member; due: number; status: 'OPEN' | 'DONE'; priority: 'LOW' | 'NORMAL' | 'HIGH' | 'URGENT'; on: [SubjectType, string, string] }> = [];
  const onDeal = (n: number): [SubjectType, string, string] => { const deal = openDeals[n % openDeals.length]!; return ['deal', deal.id, deal.name]; };
  const onContact = (n: number): [SubjectType, string, string] => { const contact = contacts[(n * 5) % contacts.length]!; return ['contact', contact.id, contact.name]; };
  const onCompany = (n: number): [SubjectType, string, string] => { const company = partnerCompanies[n % partnerCompanies.length]!; return ['company', company.id, company.name]; };
  taskPlan.push(
    { title: 'Send the revised proposal', assignee: owner, due: today - 3, status: 'OPEN', priority: 'HIGH', on: onDeal(9) },
    { title: 'Chase the signed contract', assignee: owner, due: today - 1, status: 'OPEN', priority: 'URGENT', on: onDeal(13) },
    { title: 'Call about the festival line-up', assignee: owner, due: today - 6, status: 'OPEN', priority: 'NORMAL', on: onContact(2) },
    { title: 'Prepare the quarterly review deck', assignee: sam, due: today - 2, status: 'OPEN', priority: 'NORMAL', on: onCompany(1) },
    { title: 'Book a studio visit', assignee: maria, due: today - 4, status: 'OPEN', priority: 'LOW', on: onCompany(9) },
    { title: 'Share the playlist report', assignee: owner, due: today + 2, status: 'OPEN', priority: 'NORMAL', on: onContact(4) },
    { title: 'Draft the sponsorship one-pager', assignee: sam, due: today + 4, status: 'OPEN', priority: 'HIGH', on: onDeal(2) },
    { title: 'Introduce the new account manager', assignee: maria, due: today + 6, status: 'OPEN', priority: 'NORMAL', on: onContact(7) },
    { title: 'Confirm the budget split', assignee: owner, due: today + 9, status: 'OPEN', priority: 'NORMAL', on: onDeal(5) },
    { title: 'Send the welcome pack', assignee: sam, due: today - 20, status: 'DONE', priority: 'NORMAL', on: onContact(1) },
    { title: 'Kick-off call', assignee: owner, due: today - 15, status: 'DONE', priority: 'HIGH', on: onDeal(11) },
    { title: 'Collect the artist assets', assignee: maria, due: today - 10, status: 'DONE', priority: 'NORMAL', on: onContact(3) },
    { title: 'Agree the reporting cadence', assignee: owner, due: today - 8, status: 'DONE', priority: 'LOW', on: onCompany(4) },
  );
  const taskRows: Array<Record<string, unknown>> = [];
  for (const task of taskPlan) {
    const createdDay = task.due - random.int(5, 12);
    const createdAt = moment(createdDay);
    const id = idAt(createdAt);
    const dueAt = calendar.at(task.due, 17 * 60);
    const completedAt = task.status === 'DONE' ? calendar.at(task.due, 11 * 60 + random.int(0, 300)) : null;
    const creator = task.assignee.id === owner.id ? owner : random.pick([owner, task.assignee]);
    taskRows.push({ id, organizationId, title: task.title, dueAt, assigneeId: task.assignee.id, subjectType: task.on[0], subjectId: task.on[1], status: task.status, priority: task.priority, completedAt, createdById: creator.id, createdAt });
    const subjects: Array<[SubjectType, string]> = [['task', id], [task.on[0], task.on[1]]];
    const on = ` on ${task.on[0]} '${task.on[2]}'`;
    activity(creator, subjects, 'task_created', `${creator.name} created task '${task.title}'${on} for ${task.assignee.name}, due ${dueAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`, createdAt);
    if (completedAt) activity(task.assignee, subjects, 'task_done', `${task.assignee.name} completed task '${task.title}'${on}`, completedAt);
  }
  await inChunks(taskRows, (data) => tx.task.createMany({ data: data as never }));

  // Notes: on deals, contacts and companies; one edited (its first text kept as version 1).
  const notePlan: Array<{ author: Member; body: string; on: Array<[SubjectType, string, string]>; day: number; earlier?: string }> = [
    { author: owner, body: 'Budget confirmed for **Q1**; they want weekly reporting and a named account lead.', on: [onDeal(0), ['contact', deals[0]!.contact.id, deals[0]!.contact.name]], day: today - 9, earlier: 'Budget likely for Q1; they want weekly reporting.' },
    { author: sam, body: 'Met at the festival. Interested in a co-branded playlist for the summer.', on: [onCompany(3)], day: today - 25 },
    { author: maria, body: 'Prefers calls on Tuesday mornings. Send decks as PDF, not links.', on: [onContact(6)], day: today - 18 },
    { author: owner, body: 'Competing offer from another agency: we need to sharpen the price by about 10%.', on: [onDeal(13)], day: today - 4 },
    { author: sam, body: 'Renewal conversation went well; they asked about adding TikTok creators.', on: [['company', clientCompanies[0]!.id, clientCompanies[0]!.name]], day: today - 12 },
    { author: owner, body: 'Legal is reviewing the sponsorship terms; expect comments by Friday.', on: [onDeal(9)], day: today - 2 },
  ];
  const noteRows: Array<Record<string, unknown>> = [];
  const noteLinkRows: Array<Record<string, unknown>> = [];
  const noteVersionRows: Array<Record<string, unknown>> = [];
  const excerpt = (text: string) => (text.length > 80 ? `${text.slice(0, 79)}…` : text);
  for (const note of notePlan) {
    const createdAt = moment(note.day - (note.earlier ? 3 : 0));
    const id = idAt(createdAt);
    const updatedAt = note.earlier ? moment(note.day) : createdAt;
    noteRows.push({ id, organizationId, body: note.body, authorId: note.author.id, version: note.earlier ? 2 : 1, createdAt, updatedAt });
    for (const [subjectType, subjectId] of note.on) noteLinkRows.push({ organizationId, noteId: id, subjectType, subjectId });
    const records = note.on.map(([type, , name]) => `${type} '${name}'`);
    const phrase = records.length > 1 ? `${records.slice(0, -1).join(', ')} and ${records.at(-1)}` : records[0]!;
    const subjects: Array<[SubjectType, string]> = [['note', id], ...note.on.map(([type, subjectId]) => [type, subjectId] as [SubjectType, string])];
    activity(note.author, subjects, 'note_added', `${note.author.name} added a note on ${phrase}: "${excerpt(note.earlier ?? note.body)}"`, createdAt, { note_id: id });
    if (note.earlier) {
      noteVersionRows.push({ organizationId, noteId: id, version: 1, body: note.earlier, editedById: note.author.id, editedAt: updatedAt });
      activity(note.author, subjects, 'note_edited', `${note.author.name} edited a note on ${phrase} (version 1): "${excerpt(note.body)}"`, updatedAt, { note_id: id, version: 2 });
    }
  }
  await inChunks(noteRows, (data) => tx.note.createMany({ data: data as never }));
  await inChunks(noteLinkRows, (data) => tx.noteLink.createMany({ data: data as never }));
  await inChunks(noteVersionRows, (data) => tx.noteVersion.createMany({ data: data as never }));

  // Captured emails: members writing to clients and partners with crm+<slug>@ in copy.
  const emailPlan: Array<{ from: Member; to: SeedContact[]; subject: string; body: string; day: number; attachments: Array<{ filename: string; content_type: string; size: number }> }> = [
    { from: owner, to: [deals[0]!.contact], subject: `Proposal: ${deals[0]!.name}`, body: 'Hi,\n\nAttached is our proposal with the timeline and budget we discussed.\n\nBest,', day: today - 6, attachments: [{ filename: 'proposal.pdf', content_type: 'application/pdf', size: 184_320 }] },
    { from: sam, to: contacts.filter((contact) => contact.companyId === clientCompanies[0]!.id), subject: 'Campaign results this month', body: 'Hello both,\n\nHere are the streams and saves for the month, with next steps.\n\nSam', day: today - 3, attachments: [] },
    { from: maria, to: [deals[13]!.contact], subject: 'Contract and next steps', body: 'Hi,\n\nThe contract is attached; let us know if legal has comments.\n\nMaria', day: today - 1, attachments: [{ filename: 'contract-v2.docx', content_type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', size: 52_114 }] },
    { from: owner, to: [contacts[(contacts.length - 3)]!], subject: 'Great to meet you', body: 'Thanks for your time today; as promised, a few case studies of our playlist campaigns.', day: today - 14, attachments: [] },
  ];
  const capturedRows: Array<Record<string, unknown>> = [];
  const capture = `crm+${input.slug}@crescendo.example`;
  for (const [index, email] of emailPlan.entries()) {
    const sentAt = moment(email.day);
    const id = idAt(new Date(sentAt.getTime() + 4000));
    const messageId = `<demo-${index + 1}.${email.day}@${email.from.email.split('@')[1]}>`;
    const to = email.to.map((contact) => contact.email);
    capturedRows.push({ id, organizationId, messageId, subject: email.subject, fromAddress: email.from.email, toAddresses: to, ccAddresses: [capture], bodyText: email.body, attachments: email.attachments, sentAt, receivedAt: new Date(sentAt.getTime() + 4000), senderUserId: email.from.id });
    const names = email.to.map((contact) => `${contact.name} (${contact.email})`);
    const shown = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names[0]!;
    const subjects: Array<[SubjectType, string]> = [...email.to.map((contact) => ['contact', contact.id] as [SubjectType, string]), ...[...new Set(email.to.map((contact) => contact.companyId))].map((companyId) => ['company', companyId] as [SubjectType, string])];
    activity(email.from, subjects, 'email_captured', `${email.from.name} emailed ${shown}: '${email.subject}'`, new Date(sentAt.getTime() + 4000), {
      captured_email_id: id, message_id: messageId, untrusted: true, subject: email.subject, from: email.from.email, to, cc: [capture], body_text: email.body, attachments: email.attachments, contact_ids: email.to.map((contact) => contact.id),
    }, 'JOB');
  }
  await inChunks(capturedRows, (data) => tx.capturedEmail.createMany({ data: data as never }));
  await inChunks(activities, (data) => tx.activity.createMany({ data: data as never }));

  return {
    ...created,
    Company: companyRows.length,
    Contact: contactRows.length,
    ContactEmail: emailRows.length,
    Deal: dealRows.length,
    DealContact: dealContactRows.length,
    DealStageChange: changeRows.length,
    Task: taskRows.length,
    Note: noteRows.length,
    NoteLink: noteLinkRows.length,
    NoteVersion: noteVersionRows.length,
    CapturedEmail: capturedRows.length,
    Activity: activities.length,
  };
}

/** The owner plus the demo's other members (added when missing), as named on the timeline. */
async function crmMembers(input: CrmSeedInput): Promise<{ members: Member[]; created: Record<string, number> }> {
  const { tx, organizationId } = input;
  const ownerUser = await tx.user.findUniqueOrThrow({ where: { id: input.ownerUserId } });
  const members: Member[] = [{ id: ownerUser.id, name: ownerUser.name ?? ownerUser.email, email: ownerUser.email }];
  let users = 0;
  let memberships = 0;
  for (const spec of CRM_MEMBERS) {
    const email = `${spec.local}@${input.slug}.example`;
    let user = await tx.user.findUnique({ where: { email } });
    if (!user) {
      user = await tx.user.create({ data: { email, name: spec.name } });
      users += 1;
    }
    const key = { organizationId_userId: { organizationId, userId: user.id } };
    if (!(await tx.membership.findUnique({ where: key }))) {
      await tx.membership.create({ data: { organizationId, userId: user.id, role: spec.role } });
      memberships += 1;
    }
    members.push({ id: user.id, name: user.name ?? email, email });
  }
  return { members, created: { User: users, Membership: memberships } };
}
