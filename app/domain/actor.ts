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
}

/** Agency staff curate the market; the platform admin may do everything a curator does. */
export function isCurator(actor: Actor): boolean {
  return actor.organisationType === 'agency' || actor.platformAdmin;
}

export function isOrganisationAdmin(actor: Actor, organisationId: string): boolean {
  return actor.organisationId === organisationId && actor.role === 'admin';
}

export function belongsTo(actor: Actor, organisationId: string): boolean {
  return actor.organisationId === organisationId;
}
