import { useId } from 'react';
import { FieldIssues } from './field-issues.tsx';
import { issuesFor } from './draft.ts';
import type { ReportFilter } from './report-types.ts';

const OPERATORS = [
  { value: 'eq', label: 'is' },
  { value: 'neq', label: 'is not' },
  { value: 'in', label: 'is one of' },
  { value: 'not_in', label: 'is none of' },
  { value: 'contains', label: 'contains' },
  { value: 'gt', label: '>' },
  { value: 'gte', label: '≥' },
  { value: 'lt', label: '<' },
  { value: 'lte', label: '≤' },
] as const;
type Operator = (typeof OPERATORS)[number]['value'];

const isList = (op: string | undefined) => op === 'in' || op === 'not_in';

/** Filters as rows of field, operator and value; lists are written comma-separated. */
export function FiltersEditor({ filters, fields, onChange, issues }: {
  filters: readonly ReportFilter[];
  fields: readonly string[];
  onChange(next: ReportFilter[]): void;
  issues: ReadonlyArray<{ path: string; message: string }>;
}) {
  const listId = useId();
  const set = (index: number, patch: Partial<ReportFilter>) => onChange(filters.map((filter, at) => (at === index ? { ...filter, ...patch } : filter)));
  const valueText = (filter: ReportFilter) => (Array.isArray(filter.value) ? filter.value.join(', ') : String(filter.value));
  const parse = (text: string, op: string | undefined): ReportFilter['value'] => {
    if (isList(op)) return text.split(',').map((part) => part.trim()).filter(Boolean);
    return ['gt', 'gte', 'lt', 'lte'].includes(op ?? '') && text.trim() !== '' && !Number.isNaN(Number(text)) ? Number(text) : text;
  };
  return (
    <fieldset className="picker">
      <legend>Filters</legend>
      <datalist id={listId}>{fields.map((field) => <option key={field} value={field} />)}</datalist>
      <FieldIssues issues={issues.filter((issue) => issue.path === 'filters')} />
      {filters.map((filter, index) => (
        <div key={index} className="filter-row">
          <label className="field"><span>Field</span>
            <input list={listId} value={filter.field} placeholder="channel or payload.placement" onChange={(event) => set(index, { field: event.target.value })} />
          </label>
          <label className="field"><span>Operator</span>
            <select value={filter.op ?? 'eq'} onChange={(event) => set(index, { op: event.target.value as Operator, value: parse(valueText(filter), event.target.value) })}>
              {OPERATORS.map((op) => <option key={op.value} value={op.value}>{op.label}</option>)}
            </select>
          </label>
          <label className="field"><span>{isList(filter.op) ? 'Values (comma-separated)' : 'Value'}</span>
            <input value={valueText(filter)} onChange={(event) => set(index, { value: parse(event.target.value, filter.op) })} />
          </label>
          <button type="button" className="button button-quiet" aria-label={`Remove filter ${index + 1}`} onClick={() => onChange(filters.filter((_, at) => at !== index))}>Remove</button>
          <FieldIssues issues={issuesFor(issues, `filters[${index}]`)} />
        </div>
      ))}
      <button type="button" className="button" onClick={() => onChange([...filters, { field: '', op: 'eq', value: '' }])}>Add filter</button>
    </fieldset>
  );
}
