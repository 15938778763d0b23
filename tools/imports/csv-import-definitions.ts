import type { CsvImportDefinition } from './csv-import.ts';

// Definitions differ in their row types; run_import handles them uniformly.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyCsvImport = CsvImportDefinition<any>;

const definitions = new Map<string, AnyCsvImport>();

/** Called by defineCsvImport, so the job that runs a queued import finds its kind by tool name. */
export function registerCsvImport(definition: AnyCsvImport): void {
  definitions.set(definition.name, definition);
}

export function csvImportDefinition(tool: string): AnyCsvImport | undefined {
  return definitions.get(tool);
}
