import { useId, useState } from 'react';
import { ApiError } from '../../../api/api-error.ts';
import type { ToolOutput } from '../../../api/tool-types.ts';
import { useTool } from '../../../api/use-tool.ts';
import { useApi } from '../../../auth/session.tsx';
import { PageHeader, Panel } from '../../../components/layout-parts.tsx';
import { ErrorState, Loaded } from '../../../components/states.tsx';
import { Link } from '../../../router.tsx';
import { POST_STYLES } from '../../../../../../tools/content/writing/platforms.ts';
import { PLATFORMS, platformLabel, type Platform } from '../platforms.ts';
import { generatedDrafts } from '../editor/draft-conversions.ts';
import { DraftCard } from './draft-card.tsx';
import '../content.css';

const STYLE_LABELS: Record<(typeof POST_STYLES)[number], string> = {
  lifestyle: 'Lifestyle (the feeling around it)',
  promotional: 'Promotional (lead with the release)',
  educational: 'Educational (the story behind it)',
  ugc: 'Fan-made (first person, on a phone)',
};

type Generated = ToolOutput<'generate_posts'>;

/**
 * Release, platforms and style in; generate_posts writes a draft per platform (stored as DRAFT
 * posts), each then edited here with its preview and limits and sent to the calendar for approval.
 */
export default function GeneratorPage() {
  const api = useApi();
  const releases = useTool('list_releases', { limit: 100 });
  const ids = { release: useId(), style: useId(), tone: useId() };
  const [releaseId, setReleaseId] = useState('');
  const [platforms, setPlatforms] = useState<Platform[]>(['instagram', 'tiktok']);
  const [style, setStyle] = useState<(typeof POST_STYLES)[number]>('promotional');
  const [tone, setTone] = useState('');
  const [hashtags, setHashtags] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [generated, setGenerated] = useState<Generated | null>(null);

  async function generate() {
    setBusy(true);
    setError(null);
    try {
      setGenerated(await api.callTool('generate_posts', { release_id: releaseId, platforms, style, include_hashtags: hashtags, ...(tone.trim() ? { tone: tone.trim() } : {}) }));
    } catch (failure) {
      setError(failure instanceof ApiError ? failure : new ApiError('internal', String(failure), 0));
    } finally {
      setBusy(false);
    }
  }

  const toggle = (platform: Platform) => setPlatforms((chosen) => (chosen.includes(platform) ? chosen.filter((item) => item !== platform) : [...chosen, platform]));

  return (
    <>
      <p className="back-link"><Link href="/content">← Content calendar</Link></p>
      <PageHeader title="Write posts" subtitle="Drafts for each platform in your brand voice, within each platform's limits. Nothing is published without an approval." />
      <Panel title="What to write">
        <Loaded result={releases} label="Loading releases">
          {(page) => page.rows.length ? (
            <form className="generator-form" onSubmit={(event) => { event.preventDefault(); void generate(); }}>
              <div className="generator-row">
                <label className="field" htmlFor={ids.release}>
                  Release
                  <select id={ids.release} value={releaseId} required onChange={(event) => setReleaseId(event.target.value)}>
                    <option value="">Choose a release</option>
                    {page.rows.map((release) => <option key={release.id} value={release.id}>{release.artist} – {release.title}{release.date ? ` (${release.date})` : ''}</option>)}
                  </select>
                </label>
                <label className="field" htmlFor={ids.style}>
                  Style
                  <select id={ids.style} value={style} onChange={(event) => setStyle(event.target.value as typeof style)}>
                    {POST_STYLES.map((value) => <option key={value} value={value}>{STYLE_LABELS[value]}</option>)}
                  </select>
                </label>
              </div>
              <fieldset className="platform-choices">
                <legend>Platforms</legend>
                {PLATFORMS.map((platform) => (
                  <label key={platform}><input type="checkbox" checked={platforms.includes(platform)} onChange={() => toggle(platform)} /> {platformLabel(platform)}</label>
                ))}
              </fieldset>
              <div className="generator-row">
                <label className="field" htmlFor={ids.tone}>
                  Tone (optional)
                  <input id={ids.tone} value={tone} maxLength={200} placeholder="playful, no exclamation marks" onChange={(event) => setTone(event.target.value)} />
                </label>
                <label className="field field-inline"><input type="checkbox" checked={hashtags} onChange={(event) => setHashtags(event.target.checked)} /> Hashtags</label>
                <button type="submit" className="button button-primary" disabled={busy || !releaseId || !platforms.length}>{busy ? 'Writing…' : 'Generate drafts'}</button>
              </div>
              {busy ? <p className="muted small flush" role="status">Writing {platforms.length === 1 ? 'one platform' : `${platforms.length} platforms`}: a few seconds each.</p> : null}
            </form>
          ) : <p className="muted">No releases yet: <Link href="/forms/create_release">add a release</Link> first, then write posts for it.</p>}
        </Loaded>
        {error ? <ErrorState error={error} /> : null}
      </Panel>
      {generated ? <GeneratedDrafts generated={generated} release={releases.state === 'ready' ? releases.data.rows.find((row) => row.id === generated.release.id) : undefined} /> : null}
    </>
  );
}

function GeneratedDrafts({ generated, release }: { generated: Generated; release: ToolOutput<'list_releases'>['rows'][number] | undefined }) {
  return (
    <section className="drafts" aria-label="Drafts">
      <h2 className="flush">Drafts for {generated.release.artist} – {generated.release.title}</h2>
      {generated.failed.length ? (
        <ul className="approval-warnings">{generated.failed.map((failure) => <li key={failure.platform}>{platformLabel(failure.platform)}: {failure.reason}</li>)}</ul>
      ) : null}
      {generatedDrafts(generated).map((draft) => <DraftCard key={draft.post_id} generated={draft} release={release} />)}
      <p className="muted small">Every draft is on the <Link href="/content?view=list">calendar</Link> as a draft until it is sent for approval.</p>
    </section>
  );
}
