import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/api-error.ts';
import { useTool } from '../../api/use-tool.ts';
import { useApi } from '../../auth/session.tsx';
import { Panel } from '../../components/layout-parts.tsx';
import { useDebounced } from '../../components/use-debounced.ts';
import { NETWORK_NAMES, networkLabel, type NetworkName } from './creator-parts.tsx';
import type { CampaignDetail } from './creator-types.ts';

interface DeliverableDraft { network: NetworkName; format: string; count: string; due_on: string }

const FORMATS = ['video', 'post', 'reel', 'story', 'short', 'live'] as const;

/** Books a creator on the campaign: who, for what fee, delivering what by when (assign_creator). */
export function AssignForm({ campaign, onDone, onCancel }: { campaign: CampaignDetail; onDone(): void; onCancel(): void }) {
  const api = useApi();
  const networks = (campaign.networks.length ? campaign.networks : NETWORK_NAMES) as NetworkName[];
  const [search, setSearch] = useState('');
  const settled = useDebounced(search.trim());
  const creators = useTool('list_creators', { limit: 20, ...(settled ? { search: settled } : {}) });
  const [creatorId, setCreatorId] = useState('');
  const [fee, setFee] = useState('');
  const [currency, setCurrency] = useState(campaign.currency);
  const [notes, setNotes] = useState('');
  const [deliverables, setDeliverables] = useState<DeliverableDraft[]>([{ network: networks[0]!, format: 'video', count: '1', due_on: campaign.ends_on ?? '' }]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string[] | null>(null);
  // Asked only once the server says the fee is outside the creator's contract range.
  const [outside, setOutside] = useState<string | null>(null);

  const change = (index: number, part: Partial<DeliverableDraft>) => setDeliverables((rows) => rows.map((row, at) => (at === index ? { ...row, ...part } : row)));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: string[] = [];
    if (!creatorId) problems.push('Choose a creator.');
    const amount = Number(fee.replace(/[\s,]/g, ''));
    if (!fee || !Number.isFinite(amount) || amount < 0) problems.push('Fee: type an amount, e.g. 1500.');
    deliverables.forEach((row, index) => {
      if (!Number.isInteger(Number(row.count)) || Number(row.count) < 1) problems.push(`Deliverable ${index + 1}: the count must be a whole number of 1 or more.`);
      if (!row.format.trim()) problems.push(`Deliverable ${index + 1}: say the format (video, post, reel…).`);
    });
    if (problems.length) return setError(problems);
    setBusy(true);
    setError(null);
    try {
      await api.callTool('assign_creator', {
        creator_campaign_id: campaign.creator_campaign_id,
        creator_id: creatorId,
        fee: amount,
        currency,
        ...(notes.trim() ? { notes: notes.trim() } : {}),
        ...(outside?.trim() ? { outside_contract_reason: outside.trim() } : {}),
        deliverables: deliverables.map((row) => ({ network: row.network, format: row.format.trim(), count: Number(row.count), ...(row.due_on ? { due_on: row.due_on } : {}) })),
      });
      onDone();
    } catch (failure) {
      if (failure instanceof ApiError && failure.message.includes('outside_contract_reason')) setOutside((shown) => shown ?? '');
      setError(failure instanceof ApiError ? [failure.message, ...failure.issues.filter((issue) => !failure.message.includes(issue.message)).map((issue) => `${issue.path}: ${issue.message}`)] : [String(failure)]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Panel title="Assign a creator" className="cr-assign">
      <form onSubmit={submit} className="cr-assign-form" aria-label="Assign a creator">
        <div className="cr-filter-grid">
          <label className="field">Find a creator<input type="search" value={search} onChange={(event) => setSearch(event.target.value)} placeholder="Name or handle" /></label>
          <label className="field">Creator
            <select value={creatorId} onChange={(event) => setCreatorId(event.target.value)} required>
              <option value="">{creators.state === 'loading' ? 'Loading…' : 'Choose…'}</option>
              {creators.state === 'ready' ? creators.data.rows.map((row) => <option key={row.id} value={row.id}>{row.name} (@{row.handle})</option>) : null}
            </select>
          </label>
          <label className="field">Fee<input inputMode="decimal" value={fee} onChange={(event) => setFee(event.target.value)} placeholder="1500" required /></label>
          <label className="field">Currency<input value={currency} maxLength={3} onChange={(event) => setCurrency(event.target.value.toUpperCase())} /></label>
        </div>
        <fieldset className="cr-deliverable-rows">
          <legend>Deliverables</legend>
          {deliverables.map((row, index) => (
            <div key={index} className="cr-deliverable-row">
              <label className="field">Network
                <select value={row.network} onChange={(event) => change(index, { network: event.target.value as NetworkName })}>
                  {networks.map((network) => <option key={network} value={network}>{networkLabel(network)}</option>)}
                </select>
              </label>
              <label className="field">Format
                <input list="deliverable-formats" value={row.format} onChange={(event) => change(index, { format: event.target.value })} />
              </label>
              <label className="field cr-count">How many<input inputMode="numeric" value={row.count} onChange={(event) => change(index, { count: event.target.value })} /></label>
              <label className="field">Due<input type="date" value={row.due_on} onChange={(event) => change(index, { due_on: event.target.value })} /></label>
              {deliverables.length > 1 ? <button type="button" className="button button-quiet" onClick={() => setDeliverables((rows) => rows.filter((_, at) => at !== index))} aria-label={`Remove deliverable ${index + 1}`}>Remove</button> : null}
            </div>
          ))}
          <datalist id="deliverable-formats">{FORMATS.map((format) => <option key={format} value={format} />)}</datalist>
          <button type="button" className="button" onClick={() => setDeliverables((rows) => [...rows, { network: networks[0]!, format: 'video', count: '1', due_on: campaign.ends_on ?? '' }])}>Add a deliverable</button>
        </fieldset>
        {outside !== null ? (
          <label className="field">Why book outside their contract's fee range?<textarea rows={2} value={outside} onChange={(event) => setOutside(event.target.value)} placeholder="e.g. a launch-week premium agreed with their manager" /></label>
        ) : null}
        <label className="field">Notes<textarea rows={2} value={notes} onChange={(event) => setNotes(event.target.value)} /></label>
        {error ? <div className="state state-error" role="alert"><ul className="flush">{error.map((line) => <li key={line}>{line}</li>)}</ul></div> : null}
        <div className="cr-filter-actions">
          <button type="submit" className="button button-primary" disabled={busy}>{busy ? 'Assigning…' : 'Assign'}</button>
          <button type="button" className="button button-quiet" onClick={onCancel}>Cancel</button>
        </div>
      </form>
    </Panel>
  );
}
