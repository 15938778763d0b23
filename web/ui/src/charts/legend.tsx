export interface LegendItem {
  label: string;
  colour: string;
  /** How the series is drawn, so the swatch looks like it. */
  shape: 'bar' | 'line' | 'area' | 'partial';
}

function Swatch({ item }: { item: LegendItem }) {
  return (
    <svg className="legend-swatch" width="16" height="12" aria-hidden="true">
      {item.shape === 'line' ? <line x1="0" x2="16" y1="6" y2="6" stroke={item.colour} strokeWidth="2.5" />
        : item.shape === 'area' ? <rect x="0" y="3" width="16" height="9" fill={item.colour} fillOpacity="0.3" stroke={item.colour} />
          : item.shape === 'partial' ? (
            <g stroke={item.colour}>
              <rect x="0.5" y="0.5" width="15" height="11" fill="none" />
              <path d="M0 8 4 12M0 4 8 12M0 0 12 12M4 0 16 12M8 0 16 8M12 0 16 4" strokeWidth="1.5" />
            </g>
          )
            : <rect x="0" y="0" width="16" height="12" rx="2" fill={item.colour} />}
    </svg>
  );
}

/** The series in the order they are drawn (left to right within a group), never re-sorted. */
export function ChartLegend({ items }: { items: readonly LegendItem[] }) {
  return (
    <ul className="chart-legend">
      {items.map((item) => <li key={item.label}><Swatch item={item} />{item.label}</li>)}
    </ul>
  );
}
