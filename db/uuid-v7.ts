import { randomBytes } from 'node:crypto';

let lastMilliseconds = 0;
let counter = 0;

/**
 * A time-ordered UUIDv7 (RFC 9562) like the ids Prisma's `uuid(7)` default makes, for rows written
 * by raw SQL (the seed, the importer, the audit log) that must have an id before they exist. Ids made in the same millisecond stay
 * ordered through a 12-bit counter, so ordering by id remains ordering by creation.
 */
export function uuidV7(): string {
  let milliseconds = Date.now();
  if (milliseconds <= lastMilliseconds) {
    counter++;
    if (counter > 0xfff) {
      lastMilliseconds++;
      counter = 0;
    }
    milliseconds = lastMilliseconds;
  } else {
    lastMilliseconds = milliseconds;
    counter = randomBytes(2).readUInt16BE(0) & 0x7ff;
  }
  const bytes = randomBytes(16);
  bytes.writeUIntBE(milliseconds, 0, 6);
  bytes[6] = 0x70 | (counter >>> 8);
  bytes[7] = counter & 0xff;
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
