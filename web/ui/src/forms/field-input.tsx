import { useId, type ReactNode } from 'react';
import { isUnder, keyOf, initialValues, type FieldErrors, type FormValue, type FormValues } from './form-values.ts';
import { RecordChecklist, RecordPicker } from './record-picker.tsx';
import { helpText } from './help-text.ts';
import type { FieldSpec } from './schema-fields.ts';

export interface FieldProps {
  field: FieldSpec;
  /** The field's key in the form (`songs.0.goal`), as errors are keyed. */
  path: string;
  value: FormValue;
  onChange(path: string, value: FormValue): void;
  errors: FieldErrors;
  /** The page's query and the form's top-level values, for pickers that depend on another choice. */
  context: Readonly<Record<string, string>>;
  /** Fields fixed by the page (the record an edit changes): shown, not editable. */
  locked?: boolean;
  /** Keys of fields, at any depth, shown but not editable (`subject`, `subjects.0.id`); a group's fields follow it. */
  lockedPaths?: readonly string[];
  /** Keys of fields, at any depth, not shown: their values (prefilled by the page) are still sent. */
  hiddenPaths?: readonly string[];
}

/**
 * Several fields, in the schema's order. `locked` and `hidden` name fields by their key in the form
 * (`client_id`, `subject.id`, `subjects.0`), so a page can fix or hide a nested value too.
 */
export function Fields({ fields, prefix, values, onChange, errors, context, locked = [], hidden = [] }: {
  fields: readonly FieldSpec[]; prefix: string; values: FormValues; onChange(path: string, value: FormValue): void;
  errors: FieldErrors; context: Readonly<Record<string, string>>; locked?: readonly string[]; hidden?: readonly string[];
}) {
  const shown = fields.filter((field) => !isUnder(keyOf(prefix, field.name), hidden));
  if (!shown.length) return null;
  return (
    <div className="form-fields">
      {shown.map((field) => {
        const path = keyOf(prefix, field.name);
        return (
          <FieldInput key={field.name} field={field} path={path} value={values[field.name] ?? ''}
            onChange={onChange} errors={errors} context={context} locked={isUnder(path, locked)} lockedPaths={locked} hiddenPaths={hidden} />
        );
      })}
    </div>
  );
}

/** One field: label with its required marker, the input, the schema's description as help, and the tool's error beside it. */
export function FieldInput(props: FieldProps) {
  const { field, path, value, onChange, errors, locked } = props;
  const id = useId();
  const error = errors[path];
  const help = helpText(field);
  const helpId = help || field.kind === 'text-list' ? `${id}-help` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, helpId].filter(Boolean).join(' ') || undefined;
  const common = { id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined, 'aria-required': field.required || undefined, disabled: locked, name: path } as const;
  const set = (next: FormValue) => onChange(path, next);

  if (field.kind === 'text-list' && field.record) {
    const legend = <>{field.label}{field.required ? <RequiredMark /> : null}</>;
    return <RecordChecklist source={field.record} control={{ ...common, 'aria-describedby': describedBy }} legend={legend} value={String(value)} onChange={set} context={props.context}
      notes={<FieldNotes helpId={helpId} errorId={errorId} description={help} error={error} />} />;
  }
  if (field.kind === 'group') return <GroupField {...props} />;
  if (field.kind === 'group-list') return <GroupListField {...props} />;

  let control: ReactNode;
  switch (field.kind) {
    case 'boolean':
      return (
        <div className={`form-field form-check ${error ? 'has-error' : ''}`} data-field={path}>
          <label htmlFor={id} className="form-check-label">
            <input type="checkbox" {...common} checked={value === true} onChange={(event) => set(event.target.checked)} />
            {field.label}
          </label>
          <FieldNotes helpId={helpId} errorId={errorId} description={help} error={error} />
        </div>
      );
    case 'choice':
      control = (
        <select {...common} value={String(value)} onChange={(event) => set(event.target.value)}>
          <option value="">Leave as is</option>
          <option value="true">Yes</option>
          <option value="false">No</option>
        </select>
      );
      break;
    case 'enum':
      control = (
        <select {...common} value={String(value)} onChange={(event) => set(event.target.value)}>
          {field.default === undefined ? <option value="">{field.required ? 'Choose…' : 'Leave as is'}</option> : null}
          {field.options!.map((option) => <option key={option} value={option}>{optionLabel(option)}</option>)}
        </select>
      );
      break;
    case 'record':
      control = <RecordPicker source={field.record!} control={common} value={String(value)} onChange={set} context={props.context} />;
      break;
    case 'number':
    case 'integer':
      control = <input type="text" inputMode={field.kind === 'integer' ? 'numeric' : 'decimal'} autoComplete="off" {...common} value={String(value)} onChange={(event) => set(event.target.value)} />;
      break;
    case 'json':
      control = <textarea rows={4} spellCheck={false} {...common} value={String(value)} onChange={(event) => set(event.target.value)} />;
      break;
    default:
      if (isLongText(field)) {
        control = <textarea rows={5} maxLength={field.maxLength} {...common} value={String(value)} onChange={(event) => set(event.target.value)} />;
        break;
      }
      control = <input type={INPUT_TYPES[field.kind] ?? 'text'} maxLength={field.maxLength} {...common} value={String(value)} onChange={(event) => set(event.target.value)} />;
  }
  return (
    <div className={`form-field ${error ? 'has-error' : ''} ${WIDE.has(field.kind) || isLongText(field) ? 'form-field-wide' : ''}`} data-field={path}>
      {/* The star sits outside the label, so the field's name is its label alone. */}
      <div className="field-label"><label htmlFor={id}>{field.label}</label>{field.required ? <RequiredMark /> : null}</div>
      {control}
      <FieldNotes helpId={helpId} errorId={errorId} description={field.kind === 'text-list' ? `${help ?? ''} Separate several with commas.`.trim() : help} error={error} />
    </div>
  );
}

const INPUT_TYPES: Partial<Record<FieldSpec['kind'], string>> = { email: 'email', url: 'url', date: 'date', datetime: 'datetime-local' };
const WIDE = new Set<FieldSpec['kind']>(['json', 'text-list', 'url']);

/** Text that may run to paragraphs (a note, a description: a schema allowing 1,000 characters or more) gets a text area. */
function isLongText(field: FieldSpec): boolean {
  return field.kind === 'text' && (field.maxLength ?? 0) >= 1000;
}

/** `not_invoiced` -> `Not invoiced`; `CLOSED_WON` -> `Closed won` (a code of three letters, `EUR`, stays). */
export function optionLabel(option: string): string {
  const words = option.replaceAll('_', ' ');
  const text = option.length > 3 && words === words.toUpperCase() ? words.toLowerCase() : words;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The star is for the eye; inputs carry aria-required for screen readers. */
export function RequiredMark() {
  return <span className="required-mark" aria-hidden="true" title="required"> *</span>;
}

function FieldNotes({ helpId, errorId, description, error }: { helpId?: string; errorId?: string; description?: string; error?: string }) {
  return (
    <>
      {error ? <p id={errorId} className="field-error" role="alert">{error}</p> : null}
      {description ? <p id={helpId} className="field-help">{description}</p> : null}
    </>
  );
}

function GroupField({ field, path, value, onChange, errors, context, lockedPaths, hiddenPaths }: FieldProps) {
  return (
    <fieldset className="form-group" data-field={path}>
      <legend>{field.label}{field.required ? <RequiredMark /> : null}</legend>
      {field.description ? <p className="field-help">{field.description}</p> : null}
      {errors[path] ? <p className="field-error" role="alert">{errors[path]}</p> : null}
      <Fields fields={field.fields ?? []} prefix={path} values={value as FormValues} onChange={onChange} errors={errors} context={context} locked={lockedPaths} hidden={hiddenPaths} />
    </fieldset>
  );
}

/** A list of objects as repeatable groups: each numbered, removable down to the schema's minimum. */
function GroupListField({ field, path, value, onChange, errors, context, locked, lockedPaths, hiddenPaths }: FieldProps) {
  const items = value as FormValues[];
  const noun = singular(field.label);
  const canRemove = !locked && items.length > Math.max(field.minItems ?? 0, field.required ? 1 : 0);
  const canAdd = !locked && (field.maxItems === undefined || items.length < field.maxItems);
  return (
    <fieldset className="form-group" data-field={path}>
      <legend>{field.label}{field.required ? <RequiredMark /> : null}</legend>
      {field.description ? <p className="field-help">{field.description}</p> : null}
      {errors[path] ? <p className="field-error" role="alert">{errors[path]}</p> : null}
      {items.map((item, index) => (
        <fieldset key={index} className="form-group form-item">
          <legend>{noun} {index + 1}</legend>
          <Fields fields={field.fields ?? []} prefix={keyOf(path, index)} values={item} onChange={onChange} errors={errors} context={context} locked={lockedPaths} hidden={hiddenPaths} />
          {canRemove && !isUnder(keyOf(path, index), lockedPaths ?? []) ? <button type="button" className="button button-quiet" onClick={() => onChange(path, items.filter((_, at) => at !== index))}>Remove {noun.toLowerCase()} {index + 1}</button> : null}
        </fieldset>
      ))}
      {canAdd ? <button type="button" className="button" onClick={() => onChange(path, [...items, initialValues(field.fields ?? [])])}>Add {items.length ? 'another' : 'a'} {noun.toLowerCase()}</button> : null}
    </fieldset>
  );
}

function singular(label: string): string {
  if (/ies$/.test(label)) return label.replace(/ies$/, 'y');
  return label.replace(/s$/, '');
}
