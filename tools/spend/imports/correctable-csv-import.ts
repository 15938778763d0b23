import { z } from 'zod';
import { csvImportOutput, defineCsvImport, importCsvFiles, type CsvImportDefinition, type CsvImportOutput } from '../../imports/csv-import.ts';
import { RowError, type CsvRow } from '../../imports/csv-row.ts';
import type { ToolContext } from '../../registry/context.ts';
import { defineTool } from '../../registry/define-tool.ts';
import type { UpsertOutcome } from './keyed-upsert.ts';

const LISTED_ERRORS = 100;

export const correctableImportOutput = csvImportOutput.extend({
  rows_replaced: z
    .int()
    .min(0)
    .describe('Of rows_stored, rows that overwrote a stored row with the same key but a different value (a corrected file). 0 when nothing was corrected.'),
});
export type CorrectableImportOutput = z.infer<typeof correctableImportOutput>;

export interface CorrectableCsvImportDefinition<Row> extends Omit<CsvImportDefinition<Row>, 'store'> {
  /** The row's identity: the same key twice in one file is a bad row; in the database it is one row. */
  keyOf(row: Row): string;
  /** The key in words, for the repeated-row message ("track X on spotify on 2026-10-01"). */
  describeKey(row: Row): string;
  /** Inserts new rows and overwrites stored rows with the same key whose values differ. */
  store(ctx: ToolContext, rows: Row[]): Promise<UpsertOutcome>;
}

/**
 * A CSV import (built with `defineCsvImport`, so it shares the columns check, line-numbered row
 * errors and whole-file rejection) whose rows have a natural key and whose files may be corrected:
 * re-importing a file changes nothing, importing a corrected one replaces the values it changes
 * and says how many (`rows_replaced`). A key repeated inside one file is reported as a bad row
 * naming the first line, since which of the two values is right cannot be guessed. Files are
 * applied in the order given, so a later file corrects an earlier one.
 */
export function defineCorrectableCsvImport<Row>(definition: CorrectableCsvImportDefinition<Row>) {
  const base = defineCsvImport({ ...definition, store: async (ctx, rows) => countWritten(await definition.store(ctx, rows)) });
  return defineTool({
    ...base,
    description: `${base.description} Re-importing a file changes nothing; a row whose key is already stored with a different value replaces it (counted in rows_replaced).`,
    output: correctableImportOutput,
    hints: { idempotent: true, destructive: true },
    handler: async (ctx, input) => {
      const perFile: CsvImportOutput[] = [];
      let replaced = 0;
      for (const file of input.files) {
        // A fresh duplicate check per file, so its messages point at lines of that file.
        const firstLineOf = new Map<string, number>();
        const fileDefinition: CsvImportDefinition<Row> = {
          ...definition,
          read(row: CsvRow, rowCtx: ToolContext) {
            const read = definition.read(row, rowCtx);
            const key = definition.keyOf(read);
            const first = firstLineOf.get(key);
            if (first !== undefined) throw new RowError(`repeats line ${first} (${definition.describeKey(read)}); each one may appear once per file`);
            firstLineOf.set(key, row.line);
            return read;
          },
          async store(storeCtx, rows) {
            const outcome = await definition.store(storeCtx, rows);
            replaced += outcome.replaced;
            return countWritten(outcome);
          },
        };
        perFile.push(await importCsvFiles(ctx, { ...input, files: [file] }, fileDefinition));
      }
      return { ...mergeOutcomes(perFile, input.dry_run), rows_replaced: replaced };
    },
  });
}

function countWritten(outcome: UpsertOutcome): number {
  return outcome.inserted + outcome.replaced;
}

function mergeOutcomes(outcomes: CsvImportOutput[], dryRun: boolean): CsvImportOutput {
  const sum = (field: 'files' | 'files_loaded' | 'files_rejected' | 'rows' | 'rows_stored' | 'rows_unchanged' | 'errors_not_shown') =>
    outcomes.reduce((total, outcome) => total + outcome[field], 0);
  const errors = outcomes.flatMap((outcome) => outcome.errors);
  return {
    files: sum('files'),
    files_loaded: sum('files_loaded'),
    files_rejected: sum('files_rejected'),
    rows: sum('rows'),
    rows_stored: sum('rows_stored'),
    rows_unchanged: sum('rows_unchanged'),
    errors: errors.slice(0, LISTED_ERRORS),
    errors_not_shown: sum('errors_not_shown') + Math.max(0, errors.length - LISTED_ERRORS),
    dry_run: dryRun,
  };
}
