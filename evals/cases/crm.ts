import type { CaseVars, EvalCase, Truth } from '../harness/eval-case.ts';
import { EVAL_TODAY } from '../harness/eval-world.ts';
import { money, num } from './format.ts';

type Row = Record<string, any>;

/**
 * The CRM (issue 20): who owns a relationship, where a deal stands, what is overdue, the weighted
 * pipeline, a company's latest activity, a contact's email; logging a note, creating a task and
 * moving a deal, checked in the database. Figures come from the demo organisation's seeded CRM.
 */

/** The email of the member a case runs as (evals/harness/eval-world.ts names them so). */
const evalMember = (role: string) => `eval-${role.toLowerCase()}@demo.example`;
const TOMORROW = new Date(EVAL_TODAY.getTime() + 24 * 3600_000).toISOString().slice(0, 10);
const daysAgo = (days: number) => new Date(EVAL_TODAY.getTime() - days * 24 * 3600_000).toISOString();

const firstOfType = async (truth: Truth, type: string): Promise<Row> => (await truth.call('list_companies', { type, limit: 100 })).rows.sort((a: Row, b: Row) => a.name.localeCompare(b.name))[0];
const companyByName = async (truth: Truth, name: string): Promise<Row> => (await truth.call('list_companies', { search: name })).rows.find((row: Row) => row.name === name);
const dealsAt = async (truth: Truth, stage: string): Promise<Row[]> => (await truth.call('list_deals', { stage: [stage], limit: 100 })).rows.sort((a: Row, b: Row) => a.name.localeCompare(b.name));
const dealByName = async (truth: Truth, name: string): Promise<Row> => (await truth.call('list_deals', { search: name, limit: 100 })).rows.find((row: Row) => row.name === name);
const latestEntry = async (truth: Truth, companyId: string): Promise<Row> => (await truth.call('get_timeline', { subject: { type: 'company', id: companyId }, limit: 1 })).entries[0];
/** A demo partner (db/seed/crm.ts) with two open deals and an overdue task. */
const OVERVIEW_COMPANY = 'Northwind Energy Drinks';
const companyOverview = async (truth: Truth, name: string): Promise<Row> => truth.call('get_company', { company_id: (await companyByName(truth, name)).id });
const myOverdue = async (truth: Truth): Promise<Row[]> => (await truth.call('list_tasks', { assignee: evalMember('MANAGER'), overdue: true, limit: 100 })).rows;

export const CRM_READ_CASES: EvalCase[] = [
  {
    id: 'crm-company-owner',
    area: 'crm',
    setup: async (truth) => ({ company: (await firstOfType(truth, 'PARTNER')).name }),
    question: (vars) => `Who owns our relationship with ${vars.company} in the CRM?`,
    expect: {
      tools: ['list_companies'],
      allowed: ['get_company'],
      facts: [{ label: 'owner', value: async (truth, vars) => (await companyByName(truth, vars.company!)).owner }],
    },
    script: {
      steps: [(_r, vars) => ({ tool: 'list_companies', input: { search: vars.company } })],
      answer: (r) => { const row = r.out('list_companies').rows[0]; return `${row.name} (${row.type.toLowerCase()}, ${row.domain}) is owned by ${row.owner} (list_companies).`; },
    },
  },
  {
    id: 'crm-deal-stage',
    area: 'crm',
    setup: async (truth) => ({ deal: (await dealsAt(truth, 'QUALIFIED'))[0]!.name }),
    question: (vars) => `Which stage is the deal "${vars.deal}" in?`,
    expect: {
      tools: ['list_deals'],
      allowed: ['get_deal', 'pipeline_summary'],
      facts: [{ label: 'stage', value: async (truth, vars) => (await dealByName(truth, vars.deal!)).stage_label }],
    },
    script: {
      steps: [(_r, vars) => ({ tool: 'list_deals', input: { search: vars.deal } })],
      answer: (r, vars) => { const row = (r.out('list_deals').rows as Row[]).find((deal) => deal.name === vars.deal)!; return `"${row.name}" with ${row.company} is at ${row.stage_label} (${money(row.amount, row.currency)}, expected to close ${row.expected_close_date}; owner ${row.owner}).`; },
    },
  },
  {
    id: 'crm-overdue-for-me',
    area: 'crm',
    setup: async (_truth, tools) => {
      await tools.callAs('MANAGER', 'create_task', { title: 'Send the Lumen Headphones recap', due_at: daysAgo(3), assignee: 'me', priority: 'HIGH' });
      await tools.callAs('MANAGER', 'create_task', { title: 'Confirm the festival stage budget', due_at: daysAgo(1), assignee: 'me' });
      await tools.callAs('MANAGER', 'create_task', { title: 'Plan the January review', due_at: new Date(EVAL_TODAY.getTime() + 5 * 24 * 3600_000).toISOString(), assignee: 'me' });
      return {};
    },
    question: 'What is overdue for me?',
    expect: {
      tools: ['list_tasks'],
      facts: [
        { label: 'overdue tasks', value: async (truth) => (await myOverdue(truth)).length },
        { label: 'most overdue task', value: async (truth) => (await myOverdue(truth)).sort((a, b) => a.due_at.localeCompare(b.due_at))[0]!.title },
      ],
    },
    script: {
      steps: [{ tool: 'list_tasks', input: { assignee: 'me', overdue: true } }],
      answer: (r) => { const rows = r.out('list_tasks').rows as Row[]; return [`${rows.length} overdue tasks are yours (list_tasks):`, ...rows.map((row) => `- ${row.title} (${row.priority.toLowerCase()}), due ${row.due_at}`)].join('\n'); },
    },
  },
  {
    id: 'crm-pipeline-weighted',
    area: 'crm',
    question: 'What is the weighted amount of our open deal pipeline?',
    expect: {
      tools: ['pipeline_summary'],
      allowed: ['list_deals'],
      facts: [{ label: 'weighted pipeline', value: async (truth) => (await truth.call('pipeline_summary', {})).open_total.weighted_amount }],
    },
    script: {
      steps: [{ tool: 'pipeline_summary' }],
      answer: (r) => {
        const summary = r.out('pipeline_summary');
        return [
          `Weighted pipeline: ${money(summary.open_total.weighted_amount, summary.currency)} over ${summary.open_total.deals} open deals worth ${money(summary.open_total.amount, summary.currency)} (pipeline_summary: amount x stage probability):`,
          ...(summary.stages as Row[]).map((row) => `- ${row.stage_label}: ${row.deals} deals, ${money(row.amount, summary.currency)} at ${num(row.probability * 100)}% = ${money(row.weighted_amount, summary.currency)}`),
        ].join('\n');
      },
    },
  },
  {
    id: 'crm-company-latest-activity',
    area: 'crm',
    setup: async (truth) => { const company = await firstOfType(truth, 'CLIENT'); return { company: company.name, companyId: company.id }; },
    question: (vars) => `What was the latest activity on ${vars.company}?`,
    expect: {
      tools: ['get_timeline'],
      allowed: ['list_companies', 'get_company', 'list_captured_emails', 'list_notes'],
      facts: [{ label: 'who acted last', value: async (truth, vars) => (await latestEntry(truth, vars.companyId!)).who }],
    },
    script: {
      steps: [(_r, vars) => ({ tool: 'list_companies', input: { search: vars.company } }), (r) => ({ tool: 'get_timeline', input: { subject: { type: 'company', id: r.out('list_companies').rows[0].id }, limit: 3 } })],
      answer: (r, vars) => { const [latest, ...earlier] = r.out('get_timeline').entries as Row[]; return `Latest on ${vars.company} (${latest!.when_in_words}, ${latest!.when}): ${latest!.summary}.\nBefore that: ${earlier.map((entry) => entry.summary).join('; ')}.`; },
    },
  },
  {
    // "What's happening with Acme?": get_company answers it in one call (open deals, overdue tasks, latest events).
    id: 'crm-whats-happening-company',
    area: 'crm',
    // A plain string, so the find_tools test (mcp-server.int.test.ts) checks this phrasing finds get_company.
    question: `What's happening with ${OVERVIEW_COMPANY}?`,
    expect: {
      tools: ['get_company'],
      allowed: ['list_companies', 'get_timeline', 'list_deals', 'list_tasks', 'get_deal', 'list_notes', 'list_captured_emails'],
      facts: [
        { label: 'open deals', value: async (truth) => (await companyOverview(truth, OVERVIEW_COMPANY)).open_deals_count },
        { label: 'largest open deal', value: async (truth) => (await companyOverview(truth, OVERVIEW_COMPANY)).open_deals[0].name },
        { label: "largest open deal's amount", value: async (truth) => (await companyOverview(truth, OVERVIEW_COMPANY)).open_deals[0].amount },
        { label: 'most overdue task', value: async (truth) => (await companyOverview(truth, OVERVIEW_COMPANY)).overdue_tasks[0].title },
      ],
    },
    script: {
      steps: [{ tool: 'list_companies', input: { search: OVERVIEW_COMPANY } }, (r) => ({ tool: 'get_company', input: { company_id: r.out('list_companies').rows[0].id } })],
      answer: (r) => {
        const overview = r.out('get_company');
        return [
          `${overview.company.name} (get_company): open deals ${overview.open_deals_count}, overdue tasks ${overview.overdue_tasks.length}, recent timeline entries ${overview.recent_activity_count}.`,
          ...(overview.open_deals as Row[]).map((deal) => `- Deal "${deal.name}": ${deal.stage}, ${money(deal.amount, deal.currency)}, owner ${deal.owner}${deal.expected_close_date ? `, expected to close ${deal.expected_close_date}` : ''}`),
          ...(overview.overdue_tasks as Row[]).map((task) => `- Overdue: ${task.title} (due ${task.due_at}, ${task.assignee})`),
          ...(overview.latest_activity as Row[]).slice(0, 3).map((entry) => `- ${entry.when_in_words}: ${entry.summary}`),
        ].join('\n');
      },
    },
  },
  {
    id: 'crm-contact-email',
    area: 'crm',
    setup: async (truth) => { const company = await firstOfType(truth, 'PARTNER'); const contact = (await truth.call('list_contacts', { company_id: company.id })).rows[0]; return { contact: contact.name }; },
    question: (vars) => `What is ${vars.contact}'s email address?`,
    expect: {
      tools: ['list_contacts'],
      allowed: ['get_contact'],
      facts: [{ label: 'email', value: async (truth, vars) => (await truth.call('list_contacts', { search: vars.contact })).rows[0].primary_email }],
    },
    script: {
      steps: [(_r, vars) => ({ tool: 'list_contacts', input: { search: vars.contact } })],
      answer: (r) => { const row = r.out('list_contacts').rows[0]; return `${row.name} (${row.title} at ${row.company?.name}): ${row.primary_email} (list_contacts).`; },
    },
  },
];

export const CRM_WRITE_CASES: EvalCase[] = [
  {
    id: 'crm-log-note-on-deal',
    area: 'crm',
    setup: async (truth) => { const deal = (await dealsAt(truth, 'NEGOTIATION'))[0]!; return { deal: deal.name, dealId: deal.deal_id }; },
    question: (vars) => `Log a note on the deal "${vars.deal}": they asked for the final price by Friday.`,
    expect: {
      tools: ['list_deals', 'create_note'],
      ordered: true,
      allowed: ['get_deal'],
      verify: async ({ prisma, orgId, vars }) => {
        const links = await prisma.noteLink.findMany({ where: { organizationId: orgId, subjectType: 'deal', subjectId: vars.dealId }, select: { noteId: true } });
        const notes = await prisma.note.findMany({ where: { organizationId: orgId, id: { in: links.map((link) => link.noteId) }, body: { contains: 'Friday', mode: 'insensitive' } } });
        if (notes.length !== 1) return [`${notes.length} notes on the deal mention Friday, not 1`];
        const entries = await prisma.activity.count({ where: { organizationId: orgId, subjectType: 'deal', subjectId: vars.dealId, kind: 'note_added', occurredAt: { gte: EVAL_TODAY } } });
        return entries === 1 ? [] : [`${entries} note entries on the deal's timeline, not 1`];
      },
    },
    script: {
      steps: [(_r, vars) => ({ tool: 'list_deals', input: { search: vars.deal } }), (r, vars) => ({ tool: 'create_note', input: { body: 'They asked for the final price by Friday.', subjects: [{ type: 'deal', id: (r.out('list_deals').rows as Row[]).find((deal) => deal.name === vars.deal)!.deal_id }] } })],
      answer: (_r, vars) => `Noted on "${vars.deal}": they asked for the final price by Friday (create_note; it is on the deal's timeline).`,
    },
  },
  {
    id: 'crm-task-tomorrow',
    area: 'crm',
    question: 'Create a task for me for tomorrow at 10:00 UTC: call Kite Mobile about the sponsorship.',
    expect: {
      tools: ['create_task'],
      allowed: ['list_companies', 'list_contacts'],
      verify: async ({ prisma, orgId }) => {
        const user = await prisma.user.findUnique({ where: { email: evalMember('MANAGER') } });
        const tasks = await prisma.task.findMany({ where: { organizationId: orgId, assigneeId: user?.id ?? '-', title: { contains: 'Kite', mode: 'insensitive' } } });
        if (tasks.length !== 1) return [`${tasks.length} tasks about Kite Mobile are assigned to the asker, not 1`];
        const due = tasks[0]!.dueAt?.toISOString().slice(0, 10);
        return due === TOMORROW ? [] : [`the task is due ${due ?? 'never'}, not ${TOMORROW}`];
      },
    },
    script: {
      steps: [
        { tool: 'list_companies', input: { search: 'Kite Mobile' } },
        (r) => ({ tool: 'create_task', input: { title: 'Call Kite Mobile about the sponsorship', due_at: `${TOMORROW}T10:00:00Z`, assignee: 'me', subject: { type: 'company', id: r.out('list_companies').rows[0].id } } }),
      ],
      answer: (r) => `Created "${r.out('create_task').title}" for you, due ${r.out('create_task').due_at} (create_task).`,
    },
  },
  {
    id: 'crm-move-deal-negotiation',
    area: 'crm',
    setup: async (truth) => { const deal = (await dealsAt(truth, 'PROPOSAL')).find((row) => row.expected_close_date >= EVAL_TODAY.toISOString().slice(0, 10))!; return { deal: deal.name, dealId: deal.deal_id }; },
    question: (vars) => `Move the deal "${vars.deal}" to negotiation.`,
    expect: {
      tools: ['list_deals', 'move_deal_stage'],
      ordered: true,
      allowed: ['get_deal'],
      verify: async ({ prisma, orgId, vars }) => {
        const deal = await prisma.deal.findFirst({ where: { organizationId: orgId, id: vars.dealId } });
        const problems: string[] = [];
        if (deal?.stage !== 'NEGOTIATION') problems.push(`the deal is at ${deal?.stage}, not NEGOTIATION`);
        const changes = await prisma.dealStageChange.count({ where: { organizationId: orgId, dealId: vars.dealId, toStage: 'NEGOTIATION' } });
        if (changes !== 1) problems.push(`${changes} stage changes to NEGOTIATION, not exactly 1`);
        const entries = await prisma.activity.count({ where: { organizationId: orgId, subjectType: 'deal', subjectId: vars.dealId, kind: 'stage_changed', occurredAt: { gte: EVAL_TODAY } } });
        if (entries !== 1) problems.push(`${entries} stage-change timeline entries for the move, not 1`);
        return problems;
      },
    },
    script: {
      steps: [(_r, vars) => ({ tool: 'list_deals', input: { search: vars.deal } }), (r, vars) => ({ tool: 'move_deal_stage', input: { deal_id: (r.out('list_deals').rows as Row[]).find((deal) => deal.name === vars.deal)!.deal_id, stage: 'NEGOTIATION' } })],
      answer: (r) => `Moved "${r.out('move_deal_stage').name}" from ${r.out('move_deal_stage').from_stage.toLowerCase()} to ${r.out('move_deal_stage').stage_label} (move_deal_stage).`,
    },
  },
];
