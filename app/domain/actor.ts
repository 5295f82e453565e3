import type { OrganisationType } from './taxonomy.js';

/** Who is acting: a signed-in user with their organisation, as permissions see them. */
export interface Actor {
  userId: string;
  name: string;
  email: string;
  organisationId: string;
  organisationType: OrganisationType;
  role: 'member' | 'admin';
  platformAdmin: boolean;
  /** Signing authority the organisation's admin gave this member (admins always have it). */
  maySign?: boolean;
}

/**
 * Agency staff curate the market; the platform admin may do everything a curator does. What a
 * curator may do, and on which listings, is decided in access.ts.
 */
export function isCurator(actor: Actor): boolean {
  return actor.organisationType === 'agency' || actor.platformAdmin;
}

export function belongsTo(actor: Actor, organisationId: string): boolean {
  return actor.organisationId === organisationId;
}
