import type { AnyTool } from '../registry/define-tool.ts';
import { CREATOR_CAMPAIGN_TOOLS } from './campaigns/index.ts';
import { PHYLLO_TOOLS } from './phyllo/index.ts';
import { CREATOR_RECORD_TOOLS } from './records/index.ts';
import { CREATOR_SEARCH_TOOLS } from './search/index.ts';

/** Creators (issue 21): profiles and platforms, Phyllo sync, search, creator campaigns and their payments. */
export const CREATOR_TOOLS: AnyTool[] = [...CREATOR_RECORD_TOOLS, ...PHYLLO_TOOLS, ...CREATOR_SEARCH_TOOLS, ...CREATOR_CAMPAIGN_TOOLS];
