import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useApi } from '../auth/session.tsx';
import { formatDay, formatNumber } from '../components/format.ts';
import { callAnyTool } from './call-tool.ts';
import { forgetLists, useRecordNames } from './record-picker.tsx';
import { recordSourceFor } from './record-sources.ts';
import { flattenSongs, newSong, regroupErrors, songLayout } from './campaign-songs.ts';
import { Fields } from './field-input.tsx';
import { FormResult } from './form-result.tsx';
import { initialValues, setValue, toToolInput, valuesFrom, type FieldErrors, type FormValue, type FormValues } from './form-values.ts';
import { fieldsOf } from './schema-fields.ts';
import type { CatalogueTool } from './tool-catalogue.ts';
import { failureOf, FormFooter, type FormFailure } from './tool-form.tsx';

const STEPS = ['Campaign', 'Songs and vendors', 'Review'] as const;

/**
 * create_campaign in three steps: the campaign, its songs each with its vendor placements, then a
 * review. One call at the end; the tool's field errors come back to the step and song they name.
 */
export default function CampaignWizard({ tool, query }: { tool: CatalogueTool; query: Readonly<Record<string, string>> }) {
  const api = useApi();
  const fields = useMemo(() => fieldsOf(tool.input_schema), [tool]);
  const layout = useMemo(() => songLayout(fields), [fields]);
  const [values, setValues] = useState<FormValues>(() => ({ ...valuesFrom(layout.campaignFields, query), songs: [newSong(layout)] }));
  const [step, setStep] = useState(0);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<FormFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const [output, setOutput] = useState<unknown>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  useEffect(() => {
    if (!moved.current) return;
    const invalid = document.querySelector<HTMLElement>('.tool-form [aria-invalid="true"]');
    (invalid ?? heading.current)?.focus();
  }, [step, failure]);

  const go = (next: number) => {
    moved.current = true;
    setStep(next);
  };
  const onChange = (path: string, value: FormValue) => {
    setValues((before) => setValue(before, path, value));
    setErrors((before) => Object.fromEntries(Object.entries(before).filter(([key]) => key !== path && !key.startsWith(`${path}.`))));
  };
  const songs = values.songs as FormValues[];

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (step < STEPS.length - 1) return go(step + 1);
    const { entries, origin } = flattenSongs(songs);
    const built = toToolInput(fields, { ...values, songs: entries });
    const fail = (fieldErrors: FieldErrors, formFailure: FormFailure) => {
      const placed = regroupErrors(fieldErrors, origin);
      setErrors(placed);
      setFailure(formFailure);
      const keys = Object.keys(placed);
      if (keys.length) go(keys.some((key) => !key.startsWith('songs')) ? 0 : 1);
    };
    if (Object.keys(built.errors).length) return fail(built.errors, { message: 'Nothing was saved: some fields need a change (marked).', details: [] });
    setBusy(true);
    setFailure(null);
    try {
      setOutput(await callAnyTool(api, tool.name, built.input));
      forgetLists(api);
    } catch (error) {
      const placed = failureOf(error, fields);
      fail(placed.fieldErrors, placed.failure);
    } finally {
      setBusy(false);
    }
  }

  if (output) {
    return <FormResult tool={tool} output={output} onAgain={() => {
      setOutput(null);
      setValues({ ...initialValues(layout.campaignFields), songs: [newSong(layout)] });
      go(0);
    }} />;
  }

  const errorSteps = new Set<number>(Object.keys(errors).map((key) => (key.startsWith('songs') ? 1 : 0)));
  return (
    <form className="tool-form" noValidate onSubmit={submit} aria-busy={busy}>
      <ol className="steps" aria-label="Steps">
        {STEPS.map((label, index) => (
          <li key={label}>
            <button type="button" className="step" aria-current={index === step ? 'step' : undefined} onClick={() => go(index)}>
              <span className="step-number" aria-hidden="true">{index + 1}</span> {label}
              {errorSteps.has(index) ? <span className="step-error"> (needs a change)</span> : null}
            </button>
          </li>
        ))}
      </ol>
      <h2 ref={heading} tabIndex={-1} className="step-heading">Step {step + 1} of {STEPS.length}: {STEPS[step]}</h2>
      {step === 0 ? <Fields fields={layout.campaignFields} prefix="" values={values} onChange={onChange} errors={errors} context={query} /> : null}
      {step === 1 ? <Fields fields={[layout.songsField]} prefix="" values={values} onChange={onChange} errors={errors} context={query} /> : null}
      {step === 2 ? <Review values={values} songs={songs} /> : null}
      <FormFooter failure={failure} busy={busy} label={step < STEPS.length - 1 ? `Next: ${STEPS[step + 1]}` : tool.title} approval={tool.access === 'approval'}
        extra={step > 0 ? <button type="button" className="button" onClick={() => go(step - 1)}>Back</button> : null} />
    </form>
  );
}

/** What will be created, in the marketer's terms, before the one call. */
function Review({ values, songs }: { values: FormValues; songs: FormValues[] }) {
  const clients = useRecordNames(recordSourceFor('client_id'));
  const vendors = useRecordNames(recordSourceFor('vendor_id'));
  const text = (value: FormValue | undefined) => (typeof value === 'string' ? value.trim() : '');
  const number = (value: FormValue | undefined) => Number(text(value).replace(/[\s,_]/g, '')) || 0;
  const placements = songs.flatMap((song) => song.placements as FormValues[]);
  const total = (name: string) => placements.reduce((sum, placement) => sum + number(placement[name]), 0);
  const currency = text(values.currency).toUpperCase() || 'the organisation currency';
  return (
    <div className="review">
      <p><strong>{text(values.name) || 'Unnamed campaign'}</strong> for {clients.get(text(values.client_id)) ?? 'a client not chosen yet'}: {text(values.artist_name) || 'artist not given'}, starting {text(values.start_date) ? formatDay(text(values.start_date)) : 'on a day not given yet'}.</p>
      <p>{songs.length} {songs.length === 1 ? 'song' : 'songs'}, {placements.length} vendor {placements.length === 1 ? 'placement' : 'placements'}: {formatNumber(total('goal'))} streams promised in total, {formatNumber(total('daily'))} a day, for {formatNumber(total('price'))} in {currency}.</p>
      <ul className="plain-list">
        {songs.map((song, index) => (
          <li key={index}>
            <strong>{text(song.song_name) || text(song.track_url) || `Song ${index + 1}`}</strong>
            <ul className="review-placements">
              {(song.placements as FormValues[]).map((placement, at) => (
                <li key={at}>{vendors.get(text(placement.vendor_id)) ?? 'Vendor not chosen'}: {formatNumber(number(placement.goal))} streams, {formatNumber(number(placement.daily))} a day, price {formatNumber(number(placement.price))}</li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </div>
  );
}
