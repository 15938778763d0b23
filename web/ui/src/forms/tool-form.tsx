import { useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError } from '../api/api-error.ts';
import { useApi } from '../auth/session.tsx';
import { callAnyTool } from './call-tool.ts';
import { forgetLists } from './record-picker.tsx';
import { Fields } from './field-input.tsx';
import { FormResult } from './form-result.tsx';
import { changedInput, initialValues, isUnder, placeIssues, setValue, toToolInput, type FieldErrors, type FormValue, type FormValues } from './form-values.ts';
import { fieldsOf, type FieldSpec } from './schema-fields.ts';
import type { CatalogueTool } from './tool-catalogue.ts';

export interface FormFailure {
  message: string;
  details: string[];
}

/**
 * What a form does with the tool's answer: field errors from its `invalid_input` (or `not_found`)
 * issues go beside the fields they name, everything else above the button. An issue on a field the
 * page hid (a task's prefilled `subject`) has nothing to stand beside, so it is the form's, by key.
 */
export function failureOf(error: unknown, fields: readonly FieldSpec[], hidden: readonly string[] = []): { fieldErrors: FieldErrors; failure: FormFailure } {
  const apiError = error instanceof ApiError ? error : new ApiError('internal', String(error), 0);
  const issues = placeIssues(fields, apiError.issues);
  const fieldErrors: FieldErrors = {};
  const formErrors = [...issues.formErrors];
  for (const [key, message] of Object.entries(issues.fieldErrors)) {
    if (isUnder(key, hidden)) formErrors.push(`${key}: ${message}`);
    else fieldErrors[key] = message;
  }
  const placed = Object.keys(fieldErrors).length;
  const message = placed && !formErrors.length ? `Nothing was saved: ${placed === 1 ? 'one field needs' : `${placed} fields need`} a change (marked above).` : apiError.message;
  return { fieldErrors, failure: { message, details: placed ? formErrors : [] } };
}

/** The submit button's words: an approval tool only files a request. */
export function submitLabel(tool: CatalogueTool, editing: boolean): string {
  if (tool.access === 'approval') return 'Request approval';
  return editing ? 'Save changes' : tool.title;
}

/**
 * Any write tool's form, generated from its published input schema: new tools get one with no UI
 * code. With a `baseline` (the record being edited) only the changed fields are sent. `locked` and
 * `hidden` name fields at any depth by their key (`subject`, `subjects.0.id`): locked ones are shown
 * and not editable, hidden ones are not shown; both send the value the page filled in.
 */
export function ToolForm({ tool, initial, baseline, locked = [], hidden = [], context = {}, intro }: {
  tool: CatalogueTool;
  initial?: FormValues;
  baseline?: FormValues;
  locked?: readonly string[];
  hidden?: readonly string[];
  context?: Readonly<Record<string, string>>;
  intro?: ReactNode;
}) {
  const api = useApi();
  const fields = useMemo(() => fieldsOf(tool.input_schema), [tool]);
  const [values, setValues] = useState<FormValues>(() => baseline ?? initial ?? initialValues(fields));
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ output: unknown; input: Record<string, unknown> } | null>(null);
  const form = useRef<HTMLFormElement>(null);

  // After a refusal, the first field named (or the form's message) gets focus, so nobody hunts for it.
  useEffect(() => {
    if (!failure) return;
    const target = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form.current?.querySelector<HTMLElement>('.form-failure');
    target?.focus();
    target?.scrollIntoView({ block: 'center' });
  }, [failure]);

  const onChange = (path: string, value: FormValue) => {
    setValues((before) => setValue(before, path, value));
    setFieldErrors((before) => {
      if (!Object.keys(before).some((key) => key === path || key.startsWith(`${path}.`))) return before;
      return Object.fromEntries(Object.entries(before).filter(([key]) => key !== path && !key.startsWith(`${path}.`)));
    });
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const built = baseline ? changedInput(fields, values, baseline) : { ...toToolInput(fields, values), changed: null };
    setFieldErrors(built.errors);
    if (Object.keys(built.errors).length) {
      setFailure({ message: 'Nothing was saved: some fields need a change (marked above).', details: [] });
      return;
    }
    if (built.changed && built.changed.length === 0) {
      setFailure({ message: 'Nothing changed yet: edit a field, then save.', details: [] });
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const output = await callAnyTool(api, tool.name, built.input);
      forgetLists(api);
      setDone({ output, input: built.input });
    } catch (error) {
      const placed = failureOf(error, fields, hidden);
      setFieldErrors(placed.fieldErrors);
      setFailure(placed.failure);
    } finally {
      setBusy(false);
    }
  }

  if (done) {
    return <FormResult tool={tool} output={done.output} context={context} onAgain={() => {
      setDone(null);
      setValues(baseline ? values : initial ?? initialValues(fields));
    }} />;
  }

  // Pickers that depend on another choice (a playlist of the chosen vendor) read the form's values too.
  const pickerContext = { ...context, ...topLevelText(values) };
  return (
    <form ref={form} className="tool-form" noValidate onSubmit={submit} aria-busy={busy}>
      {intro}
      <Fields fields={fields} prefix="" values={emptyFor(fields, values)} onChange={onChange} errors={fieldErrors} context={pickerContext} locked={locked} hidden={hidden} />
      <FormFooter failure={failure} busy={busy} label={submitLabel(tool, Boolean(baseline))} approval={tool.access === 'approval'} />
    </form>
  );
}

/** The form's own message (what was refused and why) and its one button. */
export function FormFooter({ failure, busy, label, approval, extra }: { failure: FormFailure | null; busy: boolean; label: string; approval: boolean; extra?: ReactNode }) {
  return (
    <div className="form-footer">
      {failure ? (
        <div className="form-failure" role="alert" tabIndex={-1}>
          <p className="flush">{failure.message}</p>
          {failure.details.length ? <ul>{failure.details.map((detail) => <li key={detail}>{detail}</li>)}</ul> : null}
        </div>
      ) : null}
      {approval ? <p className="muted small flush">Nothing happens until another person approves the request.</p> : null}
      <div className="form-actions">
        {extra}
        <button type="submit" className="button button-primary" disabled={busy}>{busy ? 'Sending…' : label}</button>
      </div>
    </div>
  );
}

/** Values missing from a prefill start empty, so every input is controlled from the first render. */
function emptyFor(fields: readonly FieldSpec[], values: FormValues): FormValues {
  const filled = { ...values };
  for (const field of fields) {
    if (filled[field.name] === undefined) filled[field.name] = field.kind === 'boolean' ? false : field.kind === 'group-list' ? [] : field.kind === 'group' ? {} : '';
  }
  return filled;
}

function topLevelText(values: FormValues): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== ''));
}
