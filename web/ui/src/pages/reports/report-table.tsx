import { TableScroll } from '../../components/table-scroll.tsx';
import { formatCell, isNumeric } from './report-format.ts';
import type { ReportResult } from './report-types.ts';

/**
 * run_report's rows as a table: the header stays in view while the rows scroll, figures are
 * right-aligned and formatted by their column (money, ratios, changes), the totals close it and the
 * notes say what the figures rest on. On a phone only the table scrolls sideways, never the page.
 */
export function ReportTable({ result, label }: { result: ReportResult; label: string }) {
  const { columns, rows, totals } = result;
  const hasTotals = columns.some((column) => column.role === 'metric' && totals[column.key] !== undefined);
  return (
    <>
      <div className="report-table">
        <TableScroll label={label}>
          <table>
            <thead>
              <tr>{columns.map((column) => <th key={column.key} scope="col" className={isNumeric(column) ? 'num' : undefined}>{column.label}</th>)}</tr>
            </thead>
            <tbody>
              {rows.map((row, index) => (
                <tr key={index}>
                  {columns.map((column, position) => position === 0 && !isNumeric(column)
                    ? <th key={column.key} scope="row">{formatCell(row[column.key], column, result)}</th>
                    : <td key={column.key} className={isNumeric(column) ? 'num' : undefined}>{formatCell(row[column.key], column, result)}</td>)}
                </tr>
              ))}
            </tbody>
            {hasTotals ? (
              <tfoot>
                <tr>
                  {columns.map((column, position) => position === 0 && !isNumeric(column)
                    ? <th key={column.key} scope="row">Total</th>
                    : <td key={column.key} className={isNumeric(column) ? 'num' : undefined}>{totals[column.key] !== undefined ? formatCell(totals[column.key], column, result) : ''}</td>)}
                </tr>
              </tfoot>
            ) : null}
          </table>
        </TableScroll>
      </div>
      {result.total_rows > rows.length ? <p className="muted small">Showing {rows.length} of {result.total_rows} rows; the totals cover them all.</p> : null}
      {result.notes.length ? <ul className="report-notes muted small">{result.notes.map((note) => <li key={note}>{note}</li>)}</ul> : null}
    </>
  );
}
