import { ToolError } from './errors.ts';

interface PrismaLikeError {
  code?: string;
  meta?: { target?: unknown; field_name?: unknown; modelName?: unknown; constraint?: unknown; cause?: unknown };
  message?: string;
}

/**
 * Database refusals that are the caller's doing rather than a bug: a duplicate, a reference to a
 * record that is not in this organisation (the composite foreign keys refuse those), a record
 * that vanished. Everything else stays a fault.
 */
export function translateDatabaseError(error: unknown): ToolError | null {
  if (!error || typeof error !== 'object') return null;
  const { code, meta } = error as PrismaLikeError;
  switch (code) {
    case 'P2002':
      return new ToolError('conflict', `A record with the same ${describeTarget(meta?.target)} already exists.`);
    case 'P2003':
      return new ToolError('not_found', `A referenced record (${describeTarget(meta?.field_name ?? meta?.constraint)}) does not exist in this organisation.`);
    case 'P2025':
      return new ToolError('not_found', 'The record does not exist in this organisation (it may have been deleted).');
    case 'P2010': {
      // A raw query's database error: the same refusals, by their SQLSTATE.
      const sqlState = String((meta as { code?: unknown } | undefined)?.code ?? '');
      if (sqlState === '23505') return new ToolError('conflict', 'A record with the same key already exists.');
      if (sqlState === '23503') return new ToolError('not_found', 'A referenced record does not exist in this organisation.');
      return null;
    }
    case 'P2034':
      return new ToolError('conflict', 'Another change to the same records happened at the same time; retry.');
    default:
      return null;
  }
}

function describeTarget(target: unknown): string {
  if (Array.isArray(target)) return target.filter((field) => field !== 'organizationId').join(', ');
  if (target && typeof target === 'object' && 'fields' in target) return describeTarget((target as { fields: unknown }).fields);
  if (typeof target === 'string') return target.replace(/_fkey$|_key$/, '').replace(/^[A-Za-z]+_/, '').replace(/_organizationId/, '');
  return 'values';
}
