/** Seeding refuses an organisation that already holds data rather than mixing demo rows into it. */
export class OrganizationNotEmptyError extends Error {
  readonly code = 'organization_not_empty';

  constructor(readonly slug: string) {
    super(`Organisation "${slug}" already has data; seed a new slug or reset the data dir`);
    this.name = 'OrganizationNotEmptyError';
  }
}
