import type { SocialPlatform as DbPlatform } from '../../db/generated/prisma/enums.ts';
import { PLATFORMS, type Platform } from './writing/platforms.ts';

/** Tools speak lower-case platform names (instagram, x); the columns keep the upper-case enum. */
export function toDbPlatform(platform: Platform): DbPlatform {
  return platform.toUpperCase() as DbPlatform;
}

export function fromDbPlatform(platform: DbPlatform): Platform {
  const name = platform.toLowerCase() as Platform;
  if (!PLATFORMS.includes(name)) throw new Error(`Unknown platform ${platform}`);
  return name;
}
