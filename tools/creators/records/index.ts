import type { AnyTool } from '../../registry/define-tool.ts';
import { archiveCreator } from './archive-creator.ts';
import { createCreator } from './create-creator.ts';
import { getCreator } from './get-creator.ts';
import { importCreators } from './import-creators.ts';
import { listCreators } from './list-creators.ts';
import { removeCreatorPlatform } from './remove-creator-platform.ts';
import { setCreatorAudience } from './set-creator-audience.ts';
import { setCreatorPlatform } from './set-creator-platform.ts';
import { updateCreator } from './update-creator.ts';

/** Creator records (issue 21): profiles and contracts, platforms and their figures, audiences, the CSV import. */
export const CREATOR_RECORD_TOOLS: AnyTool[] = [
  createCreator, updateCreator, archiveCreator, listCreators, getCreator, setCreatorPlatform, removeCreatorPlatform, setCreatorAudience, importCreators,
];
