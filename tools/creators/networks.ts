import { z } from 'zod';
import type { CreatorNetwork } from '../../db/generated/prisma/enums.ts';

/** The networks creators publish on, as tools speak them (lower case); columns keep the upper-case enum. */
export const NETWORKS = ['instagram', 'tiktok', 'youtube', 'twitter', 'linkedin', 'snapchat', 'pinterest', 'twitch', 'facebook'] as const;
export type Network = (typeof NETWORKS)[number];

/** Accepts any case and "x" for Twitter, the name people use now. */
export const networkInput = z
  .string()
  .trim()
  .toLowerCase()
  .transform((value) => (value === 'x' ? 'twitter' : value))
  .pipe(z.enum(NETWORKS))
  .describe(`A network: ${NETWORKS.join(', ')} ("x" means twitter).`);

export function toDbNetwork(network: Network): CreatorNetwork {
  return network.toUpperCase() as CreatorNetwork;
}

export function fromDbNetwork(network: CreatorNetwork): Network {
  return network.toLowerCase() as Network;
}
