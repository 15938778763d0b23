import { useId, type ReactNode, type Ref } from 'react';

export function PageHeader({ title, subtitle, actions }: { title: string; subtitle?: ReactNode; actions?: ReactNode }) {
  return (
    <header className="page-header">
      <div>
        <h1>{title}</h1>
        {subtitle ? <p className="muted">{subtitle}</p> : null}
      </div>
      {actions ? <div className="page-actions">{actions}</div> : null}
    </header>
  );
}

export function Panel({ title, description, children, className, headingRef }: {
  title: string; description?: ReactNode; children: ReactNode; className?: string;
  /** To move focus to the panel, e.g. after the item that had it disappears. */
  headingRef?: Ref<HTMLHeadingElement>;
}) {
  const id = useId();
  return (
    <section className={`panel ${className ?? ''}`} aria-labelledby={id}>
      <h2 id={id} ref={headingRef} tabIndex={headingRef ? -1 : undefined}>{title}</h2>
      {description ? <p className="panel-description muted">{description}</p> : null}
      {children}
    </section>
  );
}

export function StatCard({ label, value, detail, tone, wide }: { label: string; value: ReactNode; detail?: ReactNode; tone?: 'good' | 'bad'; wide?: boolean }) {
  return (
    <div className={`stat-card ${wide ? 'stat-wide' : ''}`}>
      <div className="stat-label">{label}</div>
      <div className={`stat-value ${tone ? `tone-${tone}` : ''}`}>{value}</div>
      {detail ? <div className="stat-detail muted">{detail}</div> : null}
    </div>
  );
}

/** Delivered against a target, as a bar and in words (the bar alone says nothing to a screen reader). */
export function ProgressBar({ value, label }: { value: number | null; label: string }) {
  const share = value === null ? 0 : Math.max(0, Math.min(1, value));
  const tone = value === null ? 'none' : value >= 0.9 ? 'good' : value >= 0.6 ? 'fair' : 'bad';
  return (
    <div className="progress" role="meter" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(share * 100)}
      aria-valuetext={value === null ? 'no goal' : `${Math.round(value * 100)}%`}>
      <div className={`progress-fill progress-${tone}`} style={{ width: `${share * 100}%` }} />
    </div>
  );
}
