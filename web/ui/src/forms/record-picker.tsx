import { useEffect, useState, type ReactNode } from 'react';
import { useApi } from '../auth/session.tsx';
import type { ApiClient } from '../api/client.ts';
import { callAnyTool } from './call-tool.ts';
import { plural as pluralLabel, type RecordOption, type RecordSource } from './record-sources.ts';

const plural = (label: string) => pluralLabel(label).toLowerCase();

type Control = { id: string; name: string; disabled?: boolean; 'aria-describedby'?: string; 'aria-invalid'?: boolean; 'aria-required'?: boolean };

// One list call serves every picker showing it (three placements, one vendor list), for a minute.
const answers = new WeakMap<ApiClient, Map<string, { at: number; answer: Promise<unknown> }>>();
const FRESH_MS = 60_000;

/** The names of a source's records by id (a review says "Pulse Media", not an id); empty until loaded. */
export function useRecordNames(source: RecordSource | undefined, context: Readonly<Record<string, string>> = {}): ReadonlyMap<string, string> {
  const api = useApi();
  const input = source?.input(context);
  const inputKey = input ? JSON.stringify(input) : null;
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    if (!source || !inputKey) return;
    let shown = true;
    listOnce(api, source.tool, inputKey).then((answer) => {
      if (shown) setNames(new Map(source.options(answer).map((option) => [option.value, option.label])));
    }, () => undefined);
    return () => {
      shown = false;
    };
  }, [api, source, inputKey]);
  return names;
}

/** After a form saved something, lists are asked again: the new vendor must be among the choices. */
export function forgetLists(api: ApiClient): void {
  answers.delete(api);
}

function listOnce(api: ApiClient, tool: string, inputKey: string): Promise<unknown> {
  let byKey = answers.get(api);
  if (!byKey) answers.set(api, (byKey = new Map()));
  const key = `${tool}:${inputKey}`;
  const cached = byKey.get(key);
  if (cached && Date.now() - cached.at < FRESH_MS) return cached.answer;
  const answer = callAnyTool(api, tool, JSON.parse(inputKey));
  answer.catch(() => byKey.delete(key));
  byKey.set(key, { at: Date.now(), answer });
  return answer;
}

/**
 * The source's records as options for the current context: `current` is null while they load (or
 * when the context lacks what the list needs: `inputKey` is then null), else the list or why it failed.
 */
function useRecordOptions(source: RecordSource, context: Readonly<Record<string, string>>) {
  const api = useApi();
  const input = source.input(context);
  const inputKey = input ? JSON.stringify(input) : null;
  const [options, setOptions] = useState<{ key: string; list: RecordOption[] } | { key: string; failed: string } | null>(null);

  useEffect(() => {
    if (!inputKey) return;
    let shown = true;
    listOnce(api, source.tool, inputKey).then(
      (answer) => {
        if (shown) setOptions({ key: inputKey, list: source.options(answer) });
      },
      (error: unknown) => {
        if (shown) setOptions({ key: inputKey, failed: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      shown = false;
    };
  }, [api, source, inputKey]);

  return { inputKey, current: options?.key === inputKey ? options : null };
}

/**
 * An id chosen by name from the list tool's rows, never a raw id box. Until the list arrives, or
 * when it cannot be loaded or needs a choice not made yet (a placement needs its campaign), the id
 * can still be typed.
 */
export function RecordPicker({ source, control, value, onChange, context }: {
  source: RecordSource; control: Control; value: string; onChange(value: string): void; context: Readonly<Record<string, string>>;
}) {
  const { inputKey, current } = useRecordOptions(source, context);
  if (inputKey && !current) {
    return <select {...control} disabled><option>Loading {plural(source.label)}…</option></select>;
  }
  if (!current || 'failed' in current) {
    return (
      <>
        <input type="text" autoComplete="off" {...control} value={value} placeholder={`${source.label} id`} onChange={(event) => onChange(event.target.value)} />
        {current ? <span className="field-help">The {source.label.toLowerCase()} list could not be loaded ({current.failed}); type the id.</span> : null}
        {!inputKey ? <span className="field-help">Open this form from the campaign to choose by name.</span> : null}
      </>
    );
  }
  const known = !value || current.list.some((option) => option.value === value);
  return (
    <select {...control} value={value} onChange={(event) => onChange(event.target.value)}>
      <option value="">{current.list.length ? `Choose a ${source.label.toLowerCase()}…` : `No ${plural(source.label)} yet`}</option>
      {current.list.map((option) => <option key={option.value} value={option.value}>{option.label}</option>)}
      {known ? null : <option value={value}>{value}</option>}
    </select>
  );
}

/** The ids in a list field's text (`a, b`), as the form keeps them. */
function idsOf(value: string): string[] {
  return value.split(/[,\n]/).map((id) => id.trim()).filter(Boolean);
}

/**
 * Several ids (a deal's contacts) ticked by name from the list tool's rows; the ones chosen when the
 * form opened come first, so an edit shows them without scrolling. Until the list arrives, or when
 * it cannot be loaded, the ids can still be typed, separated by commas.
 */
export function RecordChecklist({ source, control, legend, value, onChange, context, notes }: {
  source: RecordSource; control: Control; legend: ReactNode; value: string; onChange(value: string): void; context: Readonly<Record<string, string>>; notes: ReactNode;
}) {
  const { inputKey, current } = useRecordOptions(source, context);
  const [first] = useState(() => idsOf(value));
  const chosen = idsOf(value);
  if (inputKey && !current) {
    return (
      <div className="form-field form-field-wide" data-field={control.name}>
        <div className="field-label"><label htmlFor={control.id}>{legend}</label></div>
        <select {...control} disabled><option>Loading {plural(source.label)}…</option></select>
      </div>
    );
  }
  if (!current || 'failed' in current) {
    return (
      <div className="form-field form-field-wide" data-field={control.name}>
        <div className="field-label"><label htmlFor={control.id}>{legend}</label></div>
        <input type="text" autoComplete="off" {...control} value={value} placeholder={`${source.label} ids, separated by commas`} onChange={(event) => onChange(event.target.value)} />
        {current ? <span className="field-help">The {source.label.toLowerCase()} list could not be loaded ({current.failed}); type the ids.</span> : null}
        {notes}
      </div>
    );
  }
  const known = new Map(current.list.map((option) => [option.value, option.label]));
  const rows: RecordOption[] = [
    ...first.map((id) => ({ value: id, label: known.get(id) ?? id })),
    ...current.list.filter((option) => !first.includes(option.value)),
    ...chosen.filter((id) => !known.has(id) && !first.includes(id)).map((id) => ({ value: id, label: id })),
  ];
  const toggle = (id: string, on: boolean) => onChange((on ? [...chosen, id] : chosen.filter((other) => other !== id)).join(', '));
  return (
    <fieldset className="form-field form-field-wide record-checklist" data-field={control.name} aria-describedby={control['aria-describedby']} aria-invalid={control['aria-invalid']} disabled={control.disabled}>
      <legend className="field-label">{legend}</legend>
      {rows.length ? (
        <ul className="record-checklist-options">
          {rows.map((option) => (
            <li key={option.value}>
              <label className="form-check-label"><input type="checkbox" checked={chosen.includes(option.value)} onChange={(event) => toggle(option.value, event.target.checked)} />{option.label}</label>
            </li>
          ))}
        </ul>
      ) : <p className="muted small flush">No {plural(source.label)} yet.</p>}
      <p className="field-help">{chosen.length === 1 ? `1 ${source.label.toLowerCase()} chosen.` : `${chosen.length} ${plural(source.label)} chosen.`}</p>
      {notes}
    </fieldset>
  );
}
