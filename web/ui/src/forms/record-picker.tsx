import { useEffect, useState } from 'react';
import { useApi } from '../auth/session.tsx';
import type { ApiClient } from '../api/client.ts';
import { callAnyTool } from './call-tool.ts';
import type { RecordOption, RecordSource } from './record-sources.ts';

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
 * An id chosen by name from the list tool's rows, never a raw id box. Until the list arrives, or
 * when it cannot be loaded or needs a choice not made yet (a placement needs its campaign), the id
 * can still be typed.
 */
export function RecordPicker({ source, control, value, onChange, context }: {
  source: RecordSource; control: Control; value: string; onChange(value: string): void; context: Readonly<Record<string, string>>;
}) {
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

  const current = options?.key === inputKey ? options : null;
  if (inputKey && !current) {
    return <select {...control} disabled><option>Loading {source.label.toLowerCase()}s…</option></select>;
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
      <option value="">{current.list.length ? `Choose a ${source.label.toLowerCase()}…` : `No ${source.label.toLowerCase()}s yet`}</option>
      {current.list.map((option) => <option key={option.value} value={option.value}>{option.label}</option>)}
      {known ? null : <option value={value}>{value}</option>}
    </select>
  );
}
