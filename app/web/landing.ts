// Where a person lands after signing in, or on opening the sign-in page while signed in: a
// curator's work is the review queue, everyone else's their organisation's listings.
import type { Actor } from '../domain/actor.js';
import { mayCurate } from '../domain/access.js';

export function landingFor(actor: Actor): string {
  return mayCurate(actor) ? '/curator' : '/my/listings';
}
