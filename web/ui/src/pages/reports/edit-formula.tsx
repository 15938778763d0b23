import { useState } from 'react';
import { ApiError } from '../../api/api-error.ts';
import { useApi } from '../../auth/session.tsx';
import { FormulaField } from './formula-field.tsx';

/** Changes one of the organisation's own calculated metrics' formula (update_metric), checked as it is typed. */
export function EditFormula({ metricKey, formula, onSaved, onCancel }: { metricKey: string; formula: string; onSaved(): void; onCancel(): void }) {
  const api = useApi();
  const [draft, setDraft] = useState(formula);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.callTool('update_metric', { key: metricKey, formula: draft });
      onSaved();
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : String(failure));
      setBusy(false);
    }
  };
  return (
    <form className="edit-formula" onSubmit={(event) => { event.preventDefault(); void save(); }}>
      <FormulaField formula={draft} metricKey={metricKey} onChange={setDraft} />
      <div className="inline-form">
        <button type="submit" className="button button-primary" disabled={busy || !draft.trim() || draft.trim() === formula}>{busy ? 'Saving…' : 'Save formula'}</button>
        <button type="button" className="button" onClick={onCancel}>Cancel</button>
      </div>
      {error ? <p className="field-error" role="alert">{error}</p> : null}
    </form>
  );
}
