import { useState } from 'react';
import { ApiError } from '../../api/api-error.ts';
import { useApi } from '../../auth/session.tsx';
import { Segmented } from '../../components/segmented.tsx';
import { FieldIssues } from './field-issues.tsx';
import { issuesFor } from './draft.ts';
import { FormulaField } from './formula-field.tsx';
import { DependencyTree } from './dependency-tree.tsx';
import type { ToolOutput } from '../../api/tool-types.ts';

type Kind = 'calculated' | 'base';
type Aggregation = 'sum' | 'avg' | 'count' | 'distinct' | 'weighted_avg';
type DataType = 'integer' | 'float' | 'currency';

/** Defines a metric: calculated (a formula over other metrics) or base (a record field with an aggregation). */
export function MetricForm({ onDefined }: { onDefined(): void }) {
  const api = useApi();
  const [kind, setKind] = useState<Kind>('calculated');
  const [key, setKey] = useState('');
  const [label, setLabel] = useState('');
  const [description, setDescription] = useState('');
  const [dataType, setDataType] = useState<DataType>('float');
  const [formula, setFormula] = useState('');
  const [field, setField] = useState('');
  const [aggregation, setAggregation] = useState<Aggregation>('sum');
  const [weightKey, setWeightKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [defined, setDefined] = useState<ToolOutput<'define_metric'> | null>(null);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const source = field.trim().startsWith('payload.') || field.includes(':payload.') ? field.trim() : `payload.${field.trim()}`;
      const result = await api.callTool('define_metric', {
        key: key.trim(), label: label.trim(), ...(description.trim() ? { description: description.trim() } : {}), data_type: dataType,
        ...(kind === 'calculated' ? { formula } : { source, aggregation, ...(aggregation === 'weighted_avg' && weightKey.trim() ? { weight_key: weightKey.trim() } : {}) }),
      });
      setDefined(result);
      setKey(''); setLabel(''); setDescription(''); setFormula(''); setField('');
      onDefined();
    } catch (failure) {
      setError(failure instanceof ApiError ? failure : new ApiError('internal', String(failure), 0));
    } finally {
      setBusy(false);
    }
  };
  const issues = error?.issues ?? [];
  const shown = new Set(['key', 'label', 'description', 'formula', 'source', 'aggregation', 'weight_key', 'data_type']);
  return (
    <form className="metric-form" onSubmit={(event) => { event.preventDefault(); void submit(); }}>
      <Segmented label="Metric type" options={[{ value: 'calculated', label: 'Calculated (formula)' }, { value: 'base', label: 'Base (record field)' }]} value={kind} onChange={setKind} />
      <div className="option-grid">
        <label className="field"><span>Key</span><input value={key} placeholder="revenue_per_stream" onChange={(event) => setKey(event.target.value)} /><FieldIssues issues={issuesFor(issues, 'key')} /></label>
        <label className="field"><span>Label</span><input value={label} placeholder="Revenue per stream" onChange={(event) => setLabel(event.target.value)} /><FieldIssues issues={issuesFor(issues, 'label')} /></label>
        <label className="field"><span>Shown as</span>
          <select value={dataType} onChange={(event) => setDataType(event.target.value as DataType)}>
            <option value="float">Number</option><option value="integer">Whole number</option><option value="currency">Money</option>
          </select>
        </label>
      </div>
      <label className="field"><span>Description</span><input value={description} placeholder="One line: what it measures" onChange={(event) => setDescription(event.target.value)} /></label>
      {kind === 'calculated' ? (
        <>
          <FormulaField formula={formula} metricKey={key} onChange={setFormula} />
          <FieldIssues issues={issuesFor(issues, 'formula')} />
        </>
      ) : (
        <div className="option-grid">
          <label className="field"><span>Record field</span>
            <span className="input-prefix"><span aria-hidden="true">payload.</span><input value={field.replace(/^payload\./, '')} placeholder="saves" onChange={(event) => setField(event.target.value)} /></span>
            <FieldIssues issues={issuesFor(issues, 'source')} />
          </label>
          <label className="field"><span>Aggregation</span>
            <select value={aggregation} onChange={(event) => setAggregation(event.target.value as Aggregation)}>
              <option value="sum">Sum</option><option value="avg">Average</option><option value="count">Count</option><option value="distinct">Distinct count</option><option value="weighted_avg">Weighted average</option>
            </select>
          </label>
          {aggregation === 'weighted_avg' ? (
            <label className="field"><span>Weighted by</span><input value={weightKey} placeholder="impressions" onChange={(event) => setWeightKey(event.target.value)} /><FieldIssues issues={issuesFor(issues, 'weight_key')} /></label>
          ) : null}
        </div>
      )}
      <button type="submit" className="button button-primary" disabled={busy || !key.trim() || !label.trim() || (kind === 'calculated' ? !formula.trim() : !field.trim())}>{busy ? 'Defining…' : 'Define metric'}</button>
      {error && !issues.some((issue) => shown.has(issue.path.split(/[.[]/)[0]!)) ? <p className="field-error" role="alert">{error.message}</p> : null}
      {defined ? (
        <div role="status" className="defined">
          <p className="tone-good">Defined {defined.metric.label} (<code>{defined.metric.key}</code>); reports can use it now.</p>
          <DependencyTree tree={defined.tree} />
        </div>
      ) : null}
    </form>
  );
}
