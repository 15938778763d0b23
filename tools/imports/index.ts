import type { AnyTool } from '../registry/define-tool.ts';
import { getImport } from './get-import.ts';
import { runImport } from './run-import.ts';

/** Tools that follow and run queued (big) CSV imports; each kind's import tool lives in its area. */
export const IMPORT_TOOLS: AnyTool[] = [getImport, runImport];
