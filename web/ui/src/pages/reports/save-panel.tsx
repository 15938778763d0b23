import { useState } from 'react';
import { ApiError } from '../../api/api-error.ts';
import { useApi } from '../../auth/session.tsx';
import { navigate } from '../../router.tsx';
import { CATEGORY_LABELS, VISIBILITY_LABELS } from './report-types.ts';
import { toChartSpec, toRequest, type ReportDraft } from './draft.ts';
import { FieldIssues } from './field-issues.tsx';

/** The confirmation a new report carries to its own address (the page there is a new one). */
let pendingConfirmation: string | null = null;

/** The confirmation left by the save that opened this page, once. */
export function takeSaveConfirmation(): string | null {
  const message = pendingConfirmation;
  pendingConfirmation = null;
  return message;
}

export interface SaveMeta { name: string; category: keyof typeof CATEGORY_LABELS; visibility: 'private' | 'team' | 'organization' }

/** Name, category and visibility, and Save: a new report is created (then opened at its address), a saved one updated. */
export function SavePanel({ reportId, draft, meta, onMeta, onSaved }: {
  reportId: string | null;
  draft: ReportDraft;
  meta: SaveMeta;
  onMeta(meta: SaveMeta): void;
  onSaved(message: string): void;
}) {
  const api = useApi();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      const fields = { name: meta.name.trim(), category: meta.category as 'campaign_performance', visibility: meta.visibility, definition: toRequest(draft), chart: toChartSpec(draft) };
      if (reportId) {
        await api.callTool('update_report', { report_id: reportId, ...fields });
        onSaved(`Saved “${fields.name}”.`);
      } else {
        const saved = await api.callTool('save_report', fields);
        pendingConfirmation = `Saved “${saved.name}”.`;
        navigate(`/reports/${saved.report_id}`, { replace: true });
      }
    } catch (failure) {
      setError(failure instanceof ApiError ? failure : new ApiError('internal', String(failure), 0));
    } finally {
      setSaving(false);
    }
  };
  const nameIssues = error?.issues.filter((issue) => issue.path === 'name') ?? [];
  return (
    <form className="save-form" onSubmit={(event) => { event.preventDefault(); void save(); }}>
      <label className="field"><span>Report name</span>
        <input required maxLength={120} value={meta.name} onChange={(event) => onMeta({ ...meta, name: event.target.value })} />
        <FieldIssues issues={nameIssues} />
      </label>
      <label className="field"><span>Category</span>
        <select value={meta.category} onChange={(event) => onMeta({ ...meta, category: event.target.value })}>
          {Object.entries(CATEGORY_LABELS).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
        </select>
      </label>
      <label className="field"><span>Visibility</span>
        <select value={meta.visibility} onChange={(event) => onMeta({ ...meta, visibility: event.target.value as SaveMeta['visibility'] })}>
          {Object.entries(VISIBILITY_LABELS).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
        </select>
      </label>
      <button type="submit" className="button button-primary" disabled={saving || !meta.name.trim() || !draft.metrics.length}>{saving ? 'Saving…' : reportId ? 'Save changes' : 'Save report'}</button>
      {error && !nameIssues.length ? <p className="field-error" role="alert">{error.message}</p> : null}
    </form>
  );
}
