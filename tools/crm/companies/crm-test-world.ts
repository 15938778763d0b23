import { openToolTestWorld } from '../../testing/fixtures.ts';

/** Tests of the companies and contacts: a fresh world with the real catalogue. */
export function openCrmTestWorld(slug: string, options: { now?: () => Date } = {}) {
  return openToolTestWorld(slug, options);
}
