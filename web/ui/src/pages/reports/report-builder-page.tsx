import { useTool } from '../../api/use-tool.ts';
import { Loaded } from '../../components/states.tsx';
import { PageHeader } from '../../components/layout-parts.tsx';
import { Link, useLocation } from '../../router.tsx';
import { EMPTY_DRAFT, fromDefinition } from './draft.ts';
import type { SaveMeta } from './save-panel.tsx';
import { ReportBuilder } from './report-builder.tsx';
import type { ChartType } from './report-types.ts';
import './reports.css';

/** /reports/new (optionally ?template=KEY, a copy of a template) and /reports/:id (a saved report). */
export default function ReportBuilderPage({ params }: { params: Record<string, string> }) {
  const { query } = useLocation();
  const template = query.get('template');
  if (params.id) return <SavedReportBuilder reportId={params.id} />;
  if (template) return <TemplateBuilder templateKey={template} />;
  return <ReportBuilder key="new" reportId={null} initialDraft={EMPTY_DRAFT} initialMeta={{ name: '', category: 'campaign_performance', visibility: 'private' }} />;
}

function SavedReportBuilder({ reportId }: { reportId: string }) {
  const report = useTool('get_report', { report_id: reportId });
  return (
    <Loaded result={report} label="Opening the report">
      {(saved) => (
        <ReportBuilder key={saved.report_id} reportId={saved.report_id} initialDraft={fromDefinition(saved.definition, saved.chart.type as ChartType)}
          initialMeta={{ name: saved.name, category: saved.category, visibility: saved.visibility }} owner={saved.owner?.name ?? saved.owner?.email ?? null} />
      )}
    </Loaded>
  );
}

function TemplateBuilder({ templateKey }: { templateKey: string }) {
  const templates = useTool('list_report_templates', {});
  return (
    <Loaded result={templates} label="Opening the template">
      {({ templates: all }) => {
        const template = all.find((one) => one.key === templateKey && one.definition);
        if (!template?.definition) {
          return (
            <>
              <PageHeader title="Template not found" subtitle={`No report template “${templateKey}” can be opened in the builder.`} />
              <p><Link href="/reports">Back to reports</Link></p>
            </>
          );
        }
        const meta: SaveMeta = { name: `${template.name} (copy)`, category: template.category, visibility: 'private' };
        return <ReportBuilder key={template.key} reportId={null} initialDraft={fromDefinition(template.definition, template.chart.type as ChartType)} initialMeta={meta} fromTemplate={template.name} />;
      }}
    </Loaded>
  );
}

