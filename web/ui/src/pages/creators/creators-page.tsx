import { useMemo, useState } from 'react';
import { useTool } from '../../api/use-tool.ts';
import { formatNumber, plural } from '../../components/format.ts';
import { PageHeader } from '../../components/layout-parts.tsx';
import { Empty, Loaded } from '../../components/states.tsx';
import { FormLink } from '../../forms/form-link.tsx';
import { Link, navigate, useLocation } from '../../router.tsx';
import { countryName, CreatorTabs, Followers, formatEngagement, NETWORK_NAMES, networkLabel, NetworkTag, splitList } from './creator-parts.tsx';
import type { SearchHit, SearchInput, SearchOutput } from './creator-types.ts';
import { ImportPanel } from './import-panel.tsx';
import { activeFilters, paramsFromQuery, queryFromParams, SearchFilters, type SearchQuery } from './search-filters.tsx';

const RESULTS = 30;
/** search_creators answers at most this many hits. */
const MOST_RESULTS = 100;

/** The tool's input from the address; figures typed wrong are named instead of sent. */
export function searchInput(query: SearchQuery): { input: SearchInput; problems: string[] } {
  const problems: string[] = [];
  const whole = (text: string, label: string) => {
    if (!text) return undefined;
    const value = Number(text.replace(/[\s,_]/g, ''));
    if (!Number.isInteger(value) || value < 0) problems.push(`${label}: "${text}" is not a whole number.`);
    return Number.isInteger(value) && value >= 0 ? value : undefined;
  };
  const minEngagement = query.minEngagement ? Number(query.minEngagement.replace('%', '').replace(',', '.')) : undefined;
  if (minEngagement !== undefined && (!Number.isFinite(minEngagement) || minEngagement < 0 || minEngagement > 100)) problems.push(`Engagement at least: "${query.minEngagement}" is not a percentage from 0 to 100.`);
  const audienceShare = query.audienceShare ? Number(query.audienceShare.replace('%', '').replace(',', '.')) : undefined;
  if (audienceShare !== undefined && (!Number.isFinite(audienceShare) || audienceShare <= 0 || audienceShare > 100)) problems.push(`Audience share at least: "${query.audienceShare}" is not a percentage above 0 and up to 100.`);
  if (query.from && query.to && query.from > query.to) problems.push('Available from must be on or before Available until.');
  const list = (text: string) => (text ? splitList(text) : undefined);
  const input: SearchInput = {
    limit: RESULTS,
    ...(query.q ? { query: query.q } : {}),
    ...(query.networks.length ? { networks: query.networks } : {}),
    ...(whole(query.minFollowers, 'Followers at least') !== undefined ? { min_followers: whole(query.minFollowers, '')! } : {}),
    ...(whole(query.maxFollowers, 'Followers at most') !== undefined ? { max_followers: whole(query.maxFollowers, '')! } : {}),
    ...(minEngagement !== undefined && Number.isFinite(minEngagement) ? { min_engagement_rate: minEngagement / 100 } : {}),
    ...(list(query.countries) ? { countries: list(query.countries)!.map((code) => code.toUpperCase()) } : {}),
    ...(query.audienceCountry ? { audience_country: query.audienceCountry.toUpperCase() } : {}),
    ...(query.audienceAge ? { audience_age: splitList(query.audienceAge) } : {}),
    ...((query.audienceCountry || query.audienceAge) && audienceShare !== undefined && Number.isFinite(audienceShare) ? { audience_min_share: audienceShare / 100 } : {}),
    ...(list(query.genres) ? { genres: list(query.genres)! } : {}),
    ...(list(query.languages) ? { languages: list(query.languages)!.map((code) => code.toLowerCase()) } : {}),
    ...(query.from || query.to ? { available_between: { from: query.from || query.to, to: query.to || query.from } } : {}),
  };
  return { input, problems: [...new Set(problems)] };
}

/** Creator search: words and filters in, ranked creators out, each saying why it matched. */
export default function CreatorsPage() {
  const { query: params } = useLocation();
  const query = useMemo(() => queryFromParams(params), [params.toString()]);
  const { input, problems } = searchInput(query);
  const search = (next: SearchQuery) => navigate(`/creators${paramsFromQuery(next)}`, { replace: false });
  const [importing, setImporting] = useState(false);
  const [imports, setImports] = useState(0);
  return (
    <>
      <PageHeader
        title="Creators"
        subtitle="Find creators by what they make and who watches them: words match bios, niches and recent captions, and similar meaning counts too."
        actions={<>
          <button type="button" className="button" aria-expanded={importing} onClick={() => setImporting(!importing)}>Import a CSV</button>
          <FormLink tool="create_creator" values={{ back: '/creators' }} primary>New creator</FormLink>
        </>}
      />
      <CreatorTabs />
      {importing ? <ImportPanel onImported={() => setImports((count) => count + 1)} onClose={() => setImporting(false)} /> : null}
      <SearchFilters key={params.toString()} query={query} onSearch={search} />
      {problems.length ? (
        <div className="state state-error" role="alert"><p className="state-title">Check the filters</p><ul>{problems.map((problem) => <li key={problem}>{problem}</li>)}</ul></div>
      ) : <Results key={`${imports}:${params.toString()}`} input={input} searched={Boolean(query.q) || activeFilters(query) > 0} onImport={() => setImporting(true)} />}
    </>
  );
}

function Results({ input, searched, onImport }: { input: SearchInput; searched: boolean; onImport(): void }) {
  // The address changes the search (and remounts this); Show more only asks for more of it.
  const [limit, setLimit] = useState(RESULTS);
  const result = useTool('search_creators', { ...input, limit });
  return (
    <Loaded result={result} label="Searching creators">
      {(data) => (
        <>
          <ResultList data={data} searched={searched} onImport={onImport} />
          {data.hits.length === limit && limit < MOST_RESULTS ? (
            <button type="button" className="button more-button" onClick={() => setLimit(Math.min(limit + RESULTS, MOST_RESULTS))}>Show more</button>
          ) : null}
        </>
      )}
    </Loaded>
  );
}

export function ResultList({ data, searched, onImport }: { data: SearchOutput; searched: boolean; onImport?(): void }) {
  if (!data.hits.length) {
    if (!searched) {
      return (
        <Empty title="No creators yet.">
          Import your roster from a CSV (a row per creator with their platforms), or add one by hand.{' '}
          {onImport ? <button type="button" className="button" onClick={onImport}>Import creators</button> : <FormLink tool="import_creators" values={{ back: '/creators' }}>Import creators</FormLink>}{' '}
          <FormLink tool="create_creator" values={{ back: '/creators' }}>Add a creator</FormLink>
        </Empty>
      );
    }
    return <Empty title="No creator matches this search.">Try fewer filters or other words.</Empty>;
  }
  return (
    <section aria-label="Search results">
      <p className="muted small cr-result-note">
        {data.ranking.order === 'relevance' ? `${plural(data.hits.length, 'creator')}, best match first.` : `${plural(data.hits.length, 'creator')}, largest account first${searched ? '' : ': search or filter to narrow them'}.`}
        {' '}<SearchMode ranking={data.ranking} />
      </p>
      <ol className="cr-results">
        {data.hits.map((hit, index) => <li key={hit.id}><HitCard hit={hit} rank={index + 1} /></li>)}
      </ol>
    </section>
  );
}

/** Which rankings took part: full text always with words, vector similarity when the database and embedder allow. */
export function SearchMode({ ranking }: { ranking: SearchOutput['ranking'] }) {
  if (ranking.order === 'followers') return null;
  if (!ranking.vector) {
    return <span className="cr-vector-off" role="note">{ranking.note ?? 'Vector ranking is off: ranked by words only.'}</span>;
  }
  return <span>Ranked by the words and by similar meaning ({ranking.embedder}).{ranking.note ? ` ${ranking.note}` : ''}</span>;
}

export function HitCard({ hit, rank }: { hit: SearchHit; rank: number }) {
  const total = hit.networks.reduce((sum, platform) => sum + (platform.followers ?? 0), 0);
  return (
    <article className="panel cr-hit" aria-label={hit.name}>
      <header className="cr-hit-head">
        <div>
          <h2 className="cr-hit-name"><span className="muted cr-rank">{rank}.</span> <Link href={`/creators/${hit.id}`}>{hit.name}</Link></h2>
          <p className="muted small flush">@{hit.handle}{hit.country ? ` · ${countryName(hit.country)}` : ''}</p>
        </div>
        <div className="cr-hit-reach">
          <span className="cr-hit-total"><Followers value={total} /></span>
          <span className="muted small">followers in all</span>
        </div>
      </header>
      <ul className="cr-hit-platforms" aria-label="Platforms">
        {hit.networks.map((platform) => (
          <li key={platform.network}>
            <NetworkTag network={platform.network} />
            <span><Followers value={platform.followers} />{platform.engagement_rate === null ? '' : ` · ${formatEngagement(platform.engagement_rate)} eng.`}</span>
          </li>
        ))}
      </ul>
      <Why hit={hit} />
    </article>
  );
}

/** Below this the vector part barely agreed: shown only when it alone found the creator (the tool's own floor is 0.2). */
const MEANINGFUL_SIMILARITY = 0.2;

/** "tiktok 908,000 followers" as "TikTok 908,000 followers". */
function withNetworkNames(text: string): string {
  return text.replace(new RegExp(`\\b(${NETWORK_NAMES.join('|')})\\b`, 'g'), (name) => networkLabel(name));
}

const PART_LABELS: Record<string, string> = { name: 'name', bio: 'bio', niches: 'niches', genres: 'genres', captions: 'recent captions' };
const FILTER_LABELS: Record<string, string> = {
  networks: 'Networks', min_followers: 'Followers', max_followers: 'Followers', min_engagement_rate: 'Engagement', countries: 'Based in',
  genres: 'Genres', languages: 'Languages', audience_country: 'Audience country', audience_age: 'Audience age', available_between: 'Available',
};

/** "min_followers, min_engagement_rate" as "Followers and engagement". */
export function filterLabel(filter: string): string {
  const names = [...new Set(filter.split(',').map((part) => FILTER_LABELS[part.trim()] ?? part.trim()))];
  return names.map((name, index) => (index ? name.toLowerCase() : name)).join(' and ');
}

/** "Why it matched": the words found and the part of the profile each came from, meaning, and the filters met with the creator's own values. */
function Why({ hit }: { hit: SearchHit }) {
  const { matched_words: words, filters, vector_similarity: similarity } = hit.why;
  if (!words.length && !filters.length && similarity === null) return null;
  return (
    <div className="cr-why">
      <h3 className="cr-why-title">Why it matched</h3>
      <ul className="cr-why-list">
        {words.map((group) => (
          <li key={group.part}>
            <span className="cr-why-kind">In {PART_LABELS[group.part] ?? group.part}</span>
            <span>{group.words.map((word, index) => <span key={word}>{index ? ', ' : ''}<mark className="cr-word">{word}</mark></span>)}</span>
          </li>
        ))}
        {similarity !== null && (similarity >= MEANINGFUL_SIMILARITY || hit.why.full_text_rank === null) ? (
          <li><span className="cr-why-kind">Meaning</span><span>{formatNumber(Math.round(similarity * 100))}% similar to the search{hit.why.full_text_rank === null ? ' (no exact word in the profile)' : ''}</span></li>
        ) : null}
        {filters.map((filter) => (
          <li key={filter.filter}><span className="cr-why-kind">{filterLabel(filter.filter)}</span><span className="cr-filter-met">{filter.matched ? withNetworkNames(filter.matched) : 'met'}</span></li>
        ))}
      </ul>
    </div>
  );
}
