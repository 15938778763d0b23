import { useState, type FormEvent } from 'react';
import { NETWORK_LABELS, NETWORK_NAMES, type NetworkName } from './creator-parts.tsx';

/** The search as the address holds it, so a search can be shared and the back button returns to it. */
export interface SearchQuery {
  q: string;
  networks: NetworkName[];
  minFollowers: string;
  maxFollowers: string;
  /** A percentage as typed (4.5 = 4.5%). */
  minEngagement: string;
  countries: string;
  audienceCountry: string;
  /** Age bands, comma-separated (18-24,25-34). */
  audienceAge: string;
  /** A percentage as typed: how much of the audience the country or ages must make up. */
  audienceShare: string;
  genres: string;
  languages: string;
  from: string;
  to: string;
}

const KEYS: Record<keyof SearchQuery, string> = {
  q: 'q', networks: 'networks', minFollowers: 'min_followers', maxFollowers: 'max_followers', minEngagement: 'min_engagement',
  countries: 'countries', audienceCountry: 'audience_country', audienceAge: 'audience_age', audienceShare: 'audience_share', genres: 'genres', languages: 'languages',
  from: 'from', to: 'to',
};

export const AGE_BANDS = ['13-17', '18-24', '25-34', '35-44', '45-54', '55-64', '65+'] as const;

export function queryFromParams(params: URLSearchParams): SearchQuery {
  const text = (key: keyof SearchQuery) => params.get(KEYS[key])?.trim() ?? '';
  return {
    q: text('q'),
    networks: text('networks').split(',').filter((value): value is NetworkName => Object.hasOwn(NETWORK_LABELS, value)),
    minFollowers: text('minFollowers'), maxFollowers: text('maxFollowers'), minEngagement: text('minEngagement'),
    countries: text('countries'), audienceCountry: text('audienceCountry'), audienceAge: text('audienceAge'), audienceShare: text('audienceShare'),
    genres: text('genres'), languages: text('languages'), from: text('from'), to: text('to'),
  };
}

export function paramsFromQuery(query: SearchQuery): string {
  const params = new URLSearchParams();
  for (const [key, name] of Object.entries(KEYS) as Array<[keyof SearchQuery, string]>) {
    const value = query[key];
    const text = Array.isArray(value) ? value.join(',') : value.trim();
    if (text) params.set(name, text);
  }
  const search = params.toString();
  return search ? `?${search}` : '';
}

export function activeFilters(query: SearchQuery): number {
  return (Object.keys(KEYS) as Array<keyof SearchQuery>).filter((key) => key !== 'q' && key !== 'audienceShare' && (Array.isArray(query[key]) ? query[key].length : query[key])).length;
}

/**
 * What a marketer narrows a search by: words, networks, reach and engagement, where the creator
 * and their audience are, genres, languages and the dates they must be free (no exclusivity then).
 */
export function SearchFilters({ query, onSearch }: { query: SearchQuery; onSearch(query: SearchQuery): void }) {
  const [draft, setDraft] = useState(query);
  const [open, setOpen] = useState(activeFilters(query) > 0);
  const set = <Key extends keyof SearchQuery>(key: Key, value: SearchQuery[Key]) => setDraft((shown) => ({ ...shown, [key]: value }));
  const field = (key: Exclude<keyof SearchQuery, 'networks'>, label: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <label className="field">{label}<input value={draft[key]} onChange={(event) => set(key, event.target.value)} {...props} /></label>
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(draft);
  };
  const clear = () => {
    const empty = queryFromParams(new URLSearchParams());
    setDraft(empty);
    onSearch(empty);
  };
  const toggleNetwork = (network: NetworkName) => set('networks', draft.networks.includes(network) ? draft.networks.filter((one) => one !== network) : [...draft.networks, network]);
  const ages = draft.audienceAge.split(',').filter(Boolean);
  const toggleAge = (band: string) => set('audienceAge', (ages.includes(band) ? ages.filter((one) => one !== band) : AGE_BANDS.filter((one) => one === band || ages.includes(one))).join(','));
  const count = activeFilters(draft);
  return (
    <form className="cr-search" role="search" aria-label="Find creators" onSubmit={submit}>
      <div className="cr-search-main">
        <label className="field cr-search-words">What are you looking for?
          <input type="search" value={draft.q} onChange={(event) => set('q', event.target.value)} placeholder="e.g. latin dance challenges, vinyl reviews, bedroom pop" />
        </label>
        <button type="submit" className="button button-primary">Search</button>
        <button type="button" className="button" aria-expanded={open} aria-controls="creator-filters" onClick={() => setOpen(!open)}>
          Filters{count ? ` (${count})` : ''}
        </button>
      </div>
      <div id="creator-filters" className="cr-filters" hidden={!open}>
        <fieldset className="cr-networks">
          <legend>Networks</legend>
          {NETWORK_NAMES.map((network) => (
            <label key={network} className="cr-check">
              <input type="checkbox" checked={draft.networks.includes(network)} onChange={() => toggleNetwork(network)} /> {NETWORK_LABELS[network]}
            </label>
          ))}
        </fieldset>
        <div className="cr-filter-grid">
          {field('minFollowers', 'Followers at least', { inputMode: 'numeric', placeholder: '10000' })}
          {field('maxFollowers', 'Followers at most', { inputMode: 'numeric', placeholder: '500000' })}
          {field('minEngagement', 'Engagement at least (%)', { inputMode: 'decimal', placeholder: '3' })}
          {field('countries', 'Creator based in', { placeholder: 'US, MX, ES' })}
          {field('audienceCountry', 'Audience mostly in', { placeholder: 'US', maxLength: 2 })}
          {field('audienceShare', 'Audience share (%)', { inputMode: 'decimal', placeholder: '15 (default)' })}
          <fieldset className="cr-ages">
            <legend>Audience aged</legend>
            {AGE_BANDS.map((band) => (
              <label key={band} className="cr-check">
                <input type="checkbox" checked={ages.includes(band)} onChange={() => toggleAge(band)} /> {band}
              </label>
            ))}
          </fieldset>
          {field('genres', 'Genres', { placeholder: 'reggaeton, indie pop' })}
          {field('languages', 'Languages', { placeholder: 'es, en' })}
          {field('from', 'Available from', { type: 'date' })}
          {field('to', 'Available until', { type: 'date' })}
        </div>
        <div className="cr-filter-actions">
          <button type="submit" className="button button-primary">Apply filters</button>
          <button type="button" className="button button-quiet" onClick={clear}>Clear all</button>
        </div>
      </div>
    </form>
  );
}
