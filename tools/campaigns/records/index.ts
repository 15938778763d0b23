import type { AnyTool } from '../../registry/define-tool.ts';

/** Clients, vendors, playlists and campaigns: create, update, list, get, export. */
export const RECORD_TOOLS: AnyTool[] = [];
