import { useEffect, useState } from 'react';
import { useApi } from '../auth/session.tsx';
import { callAnyTool } from './call-tool.ts';
import type { RecordOption, RecordSource } from './record-sources.ts';

type Control = { id: string; name: string; disabled?: boolean; 'aria-describedby'?: string; 'aria-invalid'?: boolean; 'aria-required'?: boolean };

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
    const abort = new AbortController();
    callAnyTool(api, source.tool, JSON.parse(inputKey), abort.signal).then(
      (answer) => setOptions({ key: inputKey, list: source.options(answer) }),
      (error: unknown) => {
        if (!abort.signal.aborted) setOptions({ key: inputKey, failed: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => abort.abort();
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
