import { MODEL_CHOICES, MODEL_LABELS } from '../../components/attribution-models.ts';
import { FieldIssues } from './field-issues.tsx';
import { DATE_PRESETS, issuesFor, presetOf, type ReportDraft } from './draft.ts';

const GRAINS = [
  { value: '', label: 'None' },
  { value: 'day', label: 'Day' },
  { value: 'week', label: 'Week' },
  { value: 'month', label: 'Month' },
  { value: 'quarter', label: 'Quarter' },
  { value: 'hour', label: 'Hour' },
] as const;

const today = () => new Date().toISOString().slice(0, 10);
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

/** Date range (presets or custom from/to), time grain, attribution model and the comparison. */
export function RangeOptions({ draft, onChange, issues }: { draft: ReportDraft; onChange(patch: Partial<ReportDraft>): void; issues: ReadonlyArray<{ path: string; message: string }> }) {
  const preset = presetOf(draft.date_range);
  const range = draft.date_range;
  return (
    <fieldset className="picker range-options">
      <legend>Period and options</legend>
      <div className="option-grid">
        <label className="field"><span>Date range</span>
          <select value={preset} onChange={(event) => {
            const chosen = DATE_PRESETS.find((one) => one.value === event.target.value);
            onChange({ date_range: chosen ? chosen.range : { from: daysAgo(29), to: today() } });
          }}>
            {DATE_PRESETS.map((one) => <option key={one.value} value={one.value}>{one.label}</option>)}
            <option value="custom">Custom…</option>
          </select>
        </label>
        {'from' in range ? (
          <>
            <label className="field"><span>From</span>
              <input type="date" value={range.from} onChange={(event) => onChange({ date_range: { ...range, from: event.target.value } })} />
            </label>
            <label className="field"><span>To</span>
              <input type="date" value={range.to} onChange={(event) => onChange({ date_range: { ...range, to: event.target.value } })} />
            </label>
          </>
        ) : null}
        <label className="field"><span>Time grain</span>
          <select value={draft.time_grain ?? ''} onChange={(event) => onChange({ time_grain: (event.target.value || undefined) as ReportDraft['time_grain'] })}>
            {GRAINS.map((grain) => <option key={grain.value} value={grain.value}>{grain.label}</option>)}
          </select>
        </label>
        <label className="field"><span>Attribution model</span>
          <select value={draft.attribution_model ?? ''} onChange={(event) => onChange({ attribution_model: (event.target.value || undefined) as ReportDraft['attribution_model'] })}>
            <option value="">Default</option>
            {MODEL_CHOICES.map((model) => <option key={model} value={model}>{MODEL_LABELS[model]}</option>)}
          </select>
        </label>
        <label className="field field-inline compare-toggle">
          <input type="checkbox" checked={draft.compare_to === 'previous_period'} onChange={(event) => onChange({ compare_to: event.target.checked ? 'previous_period' : undefined })} />
          <span>Compare to previous period</span>
        </label>
      </div>
      <FieldIssues issues={[...issuesFor(issues, 'date_range'), ...issuesFor(issues, 'time_grain'), ...issuesFor(issues, 'attribution_model'), ...issuesFor(issues, 'compare_to')]} />
    </fieldset>
  );
}
