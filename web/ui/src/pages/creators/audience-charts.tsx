import { useState } from 'react';
import { SERIES } from '../../charts/chart-colours.ts';
import { HorizontalBarChart } from '../../charts/horizontal-bar-chart.tsx';
import { formatDay, formatShare } from '../../components/format.ts';
import { Segmented } from '../../components/segmented.tsx';
import { countryName, networkLabel } from './creator-parts.tsx';

export interface AudienceShare { value: string; share: number }
export interface PlatformAudience {
  network: string;
  as_of: string | null;
  age: readonly AudienceShare[];
  gender: readonly AudienceShare[];
  country: readonly AudienceShare[];
  city: readonly AudienceShare[];
}

const TOP_PLACES = 6;

/** "25-34" sorts after "18-24", "65+" last, whatever order the rows came in. */
function byAgeBand(a: AudienceShare, b: AudienceShare): number {
  return Number.parseInt(a.value, 10) - Number.parseInt(b.value, 10) || a.value.localeCompare(b.value);
}

const genderLabel = (value: string) => ({ female: 'Women', male: 'Men', f: 'Women', m: 'Men', other: 'Other', unknown: 'Unknown' } as Record<string, string>)[value.toLowerCase()] ?? value;

/**
 * A platform's audience as of its latest breakdown: age bands in order, gender, and the top
 * countries and cities by share. One platform at a time (the breakdowns differ per network).
 */
export function AudienceCharts({ audiences }: { audiences: readonly PlatformAudience[] }) {
  const withData = audiences.filter((one) => one.age.length || one.gender.length || one.country.length || one.city.length);
  const [chosen, setChosen] = useState(withData[0]?.network ?? '');
  if (!withData.length) return <p className="muted">No audience breakdown yet: a Phyllo sync or an import with audience columns adds one.</p>;
  const audience = withData.find((one) => one.network === chosen) ?? withData[0]!;
  const name = networkLabel(audience.network);
  const bars = (rows: readonly AudienceShare[], colour: string, label: (value: string) => string = (value) => value) =>
    rows.map((row) => ({ key: row.value, label: label(row.value), value: row.share, colour }));
  return (
    <div className="cr-audience">
      <div className="cr-chart-controls">
        {withData.length > 1 ? (
          <Segmented label="Audience of" value={audience.network} onChange={setChosen} options={withData.map((one) => ({ value: one.network, label: networkLabel(one.network) }))} />
        ) : <span className="muted small">{name}</span>}
        <span className="muted small">{audience.as_of ? `as of ${formatDay(audience.as_of)}` : null}</span>
      </div>
      <div className="cr-audience-grid">
        <AudiencePart title="Age" empty={!audience.age.length}>
          <HorizontalBarChart name="audience-age" label={`${name} audience by age: ${describe(audience.age)}`} bars={bars([...audience.age].sort(byAgeBand), SERIES.primary)} formatTick={formatShare} formatValue={formatShare} />
        </AudiencePart>
        <AudiencePart title="Gender" empty={!audience.gender.length}>
          <HorizontalBarChart name="audience-gender" label={`${name} audience by gender: ${describe(audience.gender, genderLabel)}`} bars={bars(top(audience.gender), SERIES.warm, genderLabel)} formatTick={formatShare} formatValue={formatShare} />
        </AudiencePart>
        <AudiencePart title="Top countries" empty={!audience.country.length}>
          <HorizontalBarChart name="audience-country" label={`${name} audience's top countries: ${describe(top(audience.country), countryName)}`} bars={bars(top(audience.country), SERIES.good, countryName)} formatTick={formatShare} formatValue={formatShare} />
        </AudiencePart>
        <AudiencePart title="Top cities" empty={!audience.city.length}>
          <HorizontalBarChart name="audience-city" label={`${name} audience's top cities: ${describe(top(audience.city))}`} bars={bars(top(audience.city), SERIES.blue)} formatTick={formatShare} formatValue={formatShare} />
        </AudiencePart>
      </div>
    </div>
  );
}

function top(rows: readonly AudienceShare[]): AudienceShare[] {
  return [...rows].sort((a, b) => b.share - a.share).slice(0, TOP_PLACES);
}

function describe(rows: readonly AudienceShare[], label: (value: string) => string = (value) => value): string {
  return rows.map((row) => `${label(row.value)} ${formatShare(row.share)}`).join(', ');
}

function AudiencePart({ title, empty, children }: { title: string; empty: boolean; children: React.ReactNode }) {
  return (
    <section className="cr-audience-part">
      <h3>{title}</h3>
      {empty ? <p className="muted small">Not in this breakdown.</p> : children}
    </section>
  );
}
