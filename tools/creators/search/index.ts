import type { AnyTool } from '../../registry/define-tool.ts';
import { searchCreators } from './search-creators.ts';

export const CREATOR_SEARCH_TOOLS: AnyTool[] = [searchCreators];
