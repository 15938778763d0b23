import { useId } from 'react';
import { useTool } from '../../api/use-tool.ts';
import { useDebounced } from '../../components/use-debounced.ts';
import { DependencyTree } from './dependency-tree.tsx';

/**
 * A formula checked as it is typed (validate_formula, debounced): where it fails, a caret under the
 * character at fault and the reason; when it holds, the metrics it uses down to base metrics.
 */
export function FormulaField({ formula, metricKey, onChange }: { formula: string; metricKey: string; onChange(formula: string): void }) {
  const id = useId();
  const settled = useDebounced({ formula, key: metricKey }, 250);
  const input = settled.formula.trim() ? { formula: settled.formula, ...(settled.key.trim() ? { key: settled.key.trim() } : {}) } : null;
  const check = useTool('validate_formula', input ?? { formula: '0' });
  const answer = input && check.state === 'ready' && settled.formula === formula ? check.data : null;
  const error = answer && !answer.valid ? answer.error : undefined;
  // The tool counts from the trimmed formula: shift back by the spaces the field starts with.
  const lead = formula.length - formula.trimStart().length;
  const position = error?.position ? error.position + lead : null;
  return (
    <div className="formula-field">
      <label className="field" htmlFor={id}><span>Formula</span></label>
      <textarea id={id} className="formula-input" rows={2} spellCheck={false} value={formula} placeholder="(revenue - spend) / streams"
        aria-invalid={error ? true : undefined} aria-describedby={`${id}-check`} onChange={(event) => onChange(event.target.value)} />
      <div id={`${id}-check`} className="formula-check" aria-live="polite">
        {!formula.trim() ? <p className="muted small">Metric keys, numbers, + − × ÷, ( ), comparisons, if, min, max, abs, coalesce.</p> : null}
        {formula.trim() && !answer ? <p className="muted small">Checking…</p> : null}
        {error ? (
          <div className="formula-error" role="alert">
            {position ? (
              <pre className="formula-caret" aria-hidden="true">{`${formula.replace(/\n/g, ' ')}\n${' '.repeat(position - 1)}^`}</pre>
            ) : null}
            <p className="field-error">{position ? `At character ${position}: ` : ''}{error.message}</p>
          </div>
        ) : null}
        {answer?.valid && answer.tree ? (
          <>
            <p className="tone-good small">The formula holds. It uses:</p>
            <DependencyTree tree={answer.tree} label="What the formula uses" hideRoot />
          </>
        ) : null}
      </div>
    </div>
  );
}
