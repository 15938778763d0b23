import { useId, useState, type ReactNode } from 'react';
import { DescriptionText } from './description-text.tsx';
import { FieldIssues } from './field-issues.tsx';
import type { MetricGroup } from './report-types.ts';

const CATEGORY_NAMES: Record<string, string> = { platform: 'Platform', external: 'External', calculated: 'Calculated', attribution: 'Attribution' };

/**
 * Metrics (or dimensions) to tick, grouped by category, each with its description, narrowed by a
 * search over key, label, aliases and description. Chosen ones stay listed above in their order.
 */
export function MetricPicker({ legend, groups, chosen, onChange, issues, searchLabel, children }: {
  legend: string;
  groups: readonly MetricGroup[];
  chosen: readonly string[];
  onChange(next: string[]): void;
  issues: ReadonlyArray<{ path: string; message: string }>;
  searchLabel: string;
  /** More ways to choose, under the list (a record field for dimensions). */
  children?: ReactNode;
}) {
  const [search, setSearch] = useState('');
  const id = useId();
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  const toggle = (key: string) => onChange(chosen.includes(key) ? chosen.filter((one) => one !== key) : [...chosen, key]);
  const labels = new Map(groups.flatMap((group) => group.metrics.map((metric) => [metric.key, metric.label] as const)));
  return (
    <fieldset className="picker" aria-describedby={issues.length ? `${id}-issues` : undefined}>
      <legend>{legend}</legend>
      {chosen.length ? (
        <ul className="chips" aria-label={`Chosen ${legend.toLowerCase()}`}>
          {chosen.map((key) => (
            <li key={key} className="chip">
              {labels.get(key) ?? key}
              <button type="button" className="chip-remove" aria-label={`Remove ${labels.get(key) ?? key}`} onClick={() => toggle(key)}>×</button>
            </li>
          ))}
        </ul>
      ) : null}
      <FieldIssues issues={issues} id={`${id}-issues`} />
      <input type="search" aria-label={searchLabel} placeholder="Search…" value={search} onChange={(event) => setSearch(event.target.value)} />
      <div className="picker-list">
        {groups.map((group) => {
          const shown = group.metrics.filter((metric) => words.every((word) => `${metric.key} ${metric.label} ${metric.description} ${(metric.aliases ?? []).join(' ')}`.toLowerCase().includes(word)));
          if (!shown.length) return null;
          return (
            <div key={`${group.kind}-${group.category}`} className="picker-group">
              <h4>{CATEGORY_NAMES[group.category] ?? group.category}</h4>
              {shown.map((metric) => (
                <label key={metric.key} className="picker-option">
                  <input type="checkbox" checked={chosen.includes(metric.key)} onChange={() => toggle(metric.key)} />
                  <span>
                    <span className="picker-name">{metric.label} <code>{metric.key}</code></span>
                    {metric.description ? <span className="picker-description"><DescriptionText text={metric.description} /></span> : null}
                  </span>
                </label>
              ))}
            </div>
          );
        })}
      </div>
      {children}
    </fieldset>
  );
}
