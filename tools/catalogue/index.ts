import type { AnyTool } from '../registry/define-tool.ts';
import { enableToolset } from './enable-toolset.ts';
import { findTools } from './find-tools.ts';
import { listToolsets } from './list-toolsets.ts';

export const CATALOGUE_TOOLS: readonly AnyTool[] = [findTools, listToolsets, enableToolset];
