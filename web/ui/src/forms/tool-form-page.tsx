import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { ApiError } from '../api/api-error.ts';
import { useApi } from '../auth/session.tsx';
import { PageHeader, Panel } from '../components/layout-parts.tsx';
import { Empty, ErrorState, Loading } from '../components/states.tsx';
import { Link, navigate, useLocation } from '../router.tsx';
import { FieldInput } from './field-input.tsx';
import { pageSubtitle } from './help-text.ts';
import { formHref } from './form-link.tsx';
import { editedIdField, readCurrentRecord, type CurrentRecord } from './current-record.ts';
import { prefillFrom, valuesFrom, type FormValue } from './form-values.ts';
import { fieldsOf, type FieldSpec } from './schema-fields.ts';
import { useCatalogueTool, type CatalogueTool } from './tool-catalogue.ts';
import { ToolForm } from './tool-form.tsx';
import './forms.css';

const CampaignWizard = lazy(() => import('./campaign-wizard.tsx'));

/**
 * `/forms/<tool>`: the form of any tool that changes data, prefilled from the query string, where a
 * key may name a nested field (`subject.type=deal&subject.id=…`, `subjects.0.id=…`). `hide` lists
 * field keys the page filled and the person need not see (comma-separated, e.g. `hide=subject`), and
 * `about` says in words what they point at ("Spring tour sponsorship (deal)"). An `update_*` tool
 * opened with its record's id edits that record: the form shows it as stored and sends only what
 * changed.
 */
export default function ToolFormPage({ params }: { params: Record<string, string> }) {
  const name = params.tool!;
  const lookup = useCatalogueTool(name);
  const { query } = useLocation();
  const values = useMemo(() => Object.fromEntries(query.entries()), [query.toString()]);
  const back = safeBack(values.back);

  if (lookup.state === 'loading') return <Loading label="Opening the form" />;
  if (lookup.state === 'error') return <ErrorState error={lookup.error} />;
  if (lookup.state === 'missing' || lookup.tool.read_only) {
    return (
      <>
        <PageHeader title="No such form" />
        <Empty title={`There is no form called ${name} for your role.`}>Either the address is mistyped or your role may not make this change. <Link href="/">Go to the overview</Link></Empty>
      </>
    );
  }
  const tool = lookup.tool;
  return (
    <>
      {back ? <p className="back-link"><Link href={back}>← Back</Link></p> : null}
      <PageHeader title={tool.title} subtitle={pageSubtitle(tool.description)} />
      <Panel title={tool.name.startsWith('update_') ? 'Change' : 'Details'} className="form-panel">
        {tool.name === 'create_campaign'
          ? <Suspense fallback={<Loading label="Opening the form" />}><CampaignWizard tool={tool} query={values} /></Suspense>
          : <FormForTool key={`${name}?${query.toString()}`} tool={tool} query={values} />}
      </Panel>
    </>
  );
}

function FormForTool({ tool, query }: { tool: CatalogueTool; query: Readonly<Record<string, string>> }) {
  const api = useApi();
  const fields = useMemo(() => fieldsOf(tool.input_schema), [tool]);
  const required = Array.isArray(tool.input_schema.required) ? (tool.input_schema.required as string[]) : [];
  const idField = tool.name.startsWith('update_') ? editedIdField(required, query) : null;
  const [record, setRecord] = useState<{ state: 'loading' } | { state: 'error'; error: ApiError } | { state: 'ready'; current: CurrentRecord }>({ state: 'loading' });

  useEffect(() => {
    if (!idField) return;
    readCurrentRecord(api, idField, query).then(
      (current) => setRecord({ state: 'ready', current }),
      (error: unknown) => setRecord({ state: 'error', error: error instanceof ApiError ? error : new ApiError('internal', String(error), 0) }),
    );
  }, [api, idField, query]);

  if (!idField) {
    const choice = tool.name.startsWith('update_') ? fields.find((field) => field.required && field.record) : undefined;
    if (choice) return <ChooseRecord tool={tool} field={choice} query={query} />;
    const hidden = (query.hide ?? '').split(',').map((key) => key.trim()).filter(Boolean);
    const intro = query.about ? <p className="form-about flush">About <strong>{query.about}</strong></p> : undefined;
    return <ToolForm tool={tool} initial={prefillFrom(fields, query)} hidden={hidden} context={query} intro={intro} />;
  }
  if (record.state === 'loading') return <Loading label="Loading the record" />;
  if (record.state === 'error') return <ErrorState error={record.error} />;
  return <ToolForm tool={tool} baseline={valuesFrom(fields, record.current.row)} locked={[idField]} context={query} />;
}

/** An edit opened without its record: choose it first, then the form shows it as stored. */
function ChooseRecord({ tool, field, query }: { tool: CatalogueTool; field: FieldSpec; query: Readonly<Record<string, string>> }) {
  const choose = (path: string, value: FormValue) => {
    if (typeof value === 'string' && value) navigate(formHref(tool.name, { ...query, [path]: value }));
  };
  return (
    <div className="tool-form">
      <p className="muted flush">Choose the {field.label.toLowerCase()} to change.</p>
      <FieldInput field={field} path={field.name} value={query[field.name] ?? ''} onChange={choose} errors={{}} context={query} />
    </div>
  );
}

/** Only an in-app path is followed back (never another site). */
function safeBack(back: string | undefined): string | null {
  return back && back.startsWith('/') && !back.startsWith('//') ? back : null;
}
