import type { ReactNode } from 'react';
import { Link } from '../router.tsx';
import './forms.css';

/** The address of a tool's form, prefilled from `values` (an edit's record id, a vendor to add a playlist to). */
export function formHref(tool: string, values: Readonly<Record<string, string>> = {}): string {
  const query = new URLSearchParams(values).toString();
  return `/forms/${encodeURIComponent(tool)}${query ? `?${query}` : ''}`;
}

/** A button-styled link to a form, for pages that offer "Edit" or "Add". */
export function FormLink({ tool, values, children, primary }: { tool: string; values?: Readonly<Record<string, string>>; children: ReactNode; primary?: boolean }) {
  return <Link className={`button ${primary ? 'button-primary' : ''}`} href={formHref(tool, values)}>{children}</Link>;
}
