import type { ReactNode } from 'react';
import type { ToolOutput } from '../../api/tool-types.ts';
import { Panel } from '../../components/layout-parts.tsx';
import { FormLink } from '../../forms/form-link.tsx';
import { Link, useLocation } from '../../router.tsx';
import './crm.css';

export type DealStage = ToolOutput<'list_deals'>['rows'][number]['stage'];

/** Pipeline order; the server's own labels come with each row, these name the stages a deal has not reached. */
export const STAGES: ReadonlyArray<{ stage: DealStage; label: string }> = [
  { stage: 'LEAD', label: 'Lead' },
  { stage: 'QUALIFIED', label: 'Qualified' },
  { stage: 'PROPOSAL', label: 'Proposal' },
  { stage: 'NEGOTIATION', label: 'Negotiation' },
  { stage: 'CLOSED_WON', label: 'Won' },
  { stage: 'CLOSED_LOST', label: 'Lost' },
];

export const isClosed = (stage: DealStage) => stage === 'CLOSED_WON' || stage === 'CLOSED_LOST';

export function stageLabel(stage: DealStage): string {
  return STAGES.find((entry) => entry.stage === stage)?.label ?? stage;
}

/** "SALES_QUALIFIED" as "Sales qualified". */
export function enumLabel(value: string): string {
  const words = value.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const SECTIONS = [
  // A deal's page belongs to the pipeline.
  { href: '/crm/pipeline', label: 'Pipeline', also: '/crm/deals/' },
  { href: '/crm/companies', label: 'Companies' },
  { href: '/crm/contacts', label: 'Contacts' },
  { href: '/crm/tasks', label: 'Tasks' },
] as const;

/** The CRM's own sections, under the one CRM entry of the main navigation. */
export function CrmTabs() {
  const { path } = useLocation();
  return (
    <nav aria-label="CRM" className="crm-tabs">
      {SECTIONS.map((section) => (
        <Link key={section.href} href={section.href} aria-current={path === section.href || path.startsWith(`${section.href}/`) || ('also' in section && path.startsWith(section.also)) ? 'page' : undefined}>{section.label}</Link>
      ))}
    </nav>
  );
}

/** How long a deal has been at its stage: "since today", "1 day", "12 days". */
export function timeInStage(since: string, now = Date.now()): string {
  const days = daysSince(since, now);
  return days ? `for ${days === 1 ? '1 day' : `${days} days`}` : 'since today';
}

/** Whole days since an ISO instant. */
export function daysSince(instant: string, now = Date.now()): number {
  return Math.max(0, Math.floor((now - Date.parse(instant)) / 86_400_000));
}

export type RecordType = 'company' | 'contact' | 'deal';

const RECORD_PATHS: Record<RecordType, string> = { company: '/crm/companies', contact: '/crm/contacts', deal: '/crm/deals' };

/** A company's, contact's or deal's page. */
export function recordHref(type: RecordType, id: string): string {
  return `${RECORD_PATHS[type]}/${encodeURIComponent(id)}`;
}

/**
 * "Add note" and "New task" about one record: create_note and create_task's forms with the record
 * filled in as their subject (hidden: the form says what it is about), and a way back to its page.
 */
export function NoteAndTaskLinks({ type, id, name }: { type: RecordType; id: string; name: string }) {
  const about = `${name} (${type})`;
  const back = recordHref(type, id);
  return (
    <>
      <FormLink tool="create_note" values={{ 'subjects.0.type': type, 'subjects.0.id': id, hide: 'subjects', about, back }}>Add note</FormLink>
      <FormLink tool="create_task" values={{ 'subject.type': type, 'subject.id': id, hide: 'subject', about, back }}>New task</FormLink>
    </>
  );
}

/** A record's facts as term and value rows, the first panel of every CRM record page. */
export function DetailsPanel({ rows }: { rows: ReadonlyArray<readonly [string, ReactNode]> }) {
  return (
    <Panel title="Details">
      <dl className="crm-details">
        {rows.map(([term, value]) => <div key={term}><dt>{term}</dt><dd>{value}</dd></div>)}
      </dl>
    </Panel>
  );
}
