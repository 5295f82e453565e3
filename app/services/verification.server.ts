// Verifying an organisation on evidence: its admin sends the business registration document and
// a contact person; a curator looks the tax code up in the public registry, records what was
// checked, and verifies or refuses with a reason the admin reads.
import { enqueueListingChanged } from '../../db/outbox.js';
import { mayAdministerOrganisation, maySeeVerificationEvidence } from '../domain/access.js';
import type { Actor } from '../domain/actor.js';
import { acceptedType, storedFilename } from '../domain/attachment.js';
import {
  MAX_EVIDENCE_BYTES,
  REGISTRIES,
  VERIFICATION_CHECKS,
  isEvidenceType,
  verificationDecisionSchema,
  verificationRequestSchema,
  type VerificationCheck,
} from '../domain/verification.js';
import type { OrganisationType } from '../domain/taxonomy.js';
import type { VerificationState } from '../../db/schema.js';
import type { AppContext } from '../context.server.js';
import { requireCurator } from './curation.server.js';
import { ConflictError, NotFoundError, PermissionError, invalidField, parsed } from './errors.js';
import { askFor } from './jobs.server.js';
import { isUuid } from './listings.server.js';
import { notifyCurators, notifyOrganisation } from './notifications.server.js';

export interface VerificationRequestView {
  id: string;
  state: VerificationState;
  documentName: string;
  documentSize: number;
  contactName: string;
  contactRole: string;
  contactPhone: string | null;
  contactEmail: string | null;
  submittedBy: string;
  submittedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  checks: VerificationCheck[];
  note: string | null;
  reason: string | null;
}

export interface UploadedFile {
  name: string;
  type: string;
  bytes: Uint8Array;
}

/** The organisation's admin asks to be verified, with its registration document and a contact person. */
export async function requestVerification(ctx: AppContext, actor: Actor, input: unknown, file: UploadedFile | null): Promise<{ id: string }> {
  if (!mayAdministerOrganisation(actor, actor.organisationId)) throw new PermissionError('forbidden_org_admin');
  const contact = parsed(verificationRequestSchema, input);
  if (!file || file.bytes.length === 0) throw invalidField('document', 'file_required');
  if (file.bytes.length > MAX_EVIDENCE_BYTES) throw invalidField('document', 'file_too_large', { mb: 5 });
  const type = acceptedType(file.type, file.bytes);
  if (!isEvidenceType(type)) throw invalidField('document', 'evidence_type');
  const documentName = storedFilename(file.name, type);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const org = await trx.selectFrom('organisations').select(['id', 'name', 'verified_at']).where('id', '=', actor.organisationId).forUpdate().executeTakeFirstOrThrow();
    if (org.verified_at !== null) throw new ConflictError('already_verified', undefined, 'wrong_state');
    const waiting = await trx.selectFrom('verification_requests').select('id').where('organisation_id', '=', org.id).where('state', '=', 'pending').executeTakeFirst();
    if (waiting) throw new ConflictError('verification_pending', undefined, 'wrong_state');
    const row = await trx
      .insertInto('verification_requests')
      .values({
        organisation_id: org.id,
        document_name: documentName,
        document_type: type,
        document_size: file.bytes.length,
        document: Buffer.from(file.bytes),
        contact_name: contact.contactName,
        contact_role: contact.contactRole,
        contact_phone: contact.contactPhone,
        contact_email: contact.contactEmail,
        submitted_by: actor.userId,
        submitted_at: ctx.clock(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('audit_events')
      .values({ entity_type: 'organisation', entity_id: org.id, action: 'request_verification', actor_id: actor.userId, payload: JSON.stringify({ requestId: row.id, document: documentName }), at: ctx.clock() })
      .execute();
    await notifyCurators(ctx, trx, { kind: 'verification_requested', params: { name: org.name }, link: `/curator/organisations/${org.id}` });
    return row.id;
  });
  return { id };
}

type RequestRow = {
  id: string;
  state: VerificationState;
  document_name: string;
  document_size: number;
  contact_name: string;
  contact_role: string;
  contact_phone: string | null;
  contact_email: string | null;
  submitted_at: Date;
  decided_at: Date | null;
  checks: string[];
  note: string | null;
  reason: string | null;
  submitter: string;
  decider: string | null;
};

function requestsOf(ctx: AppContext, organisationId: string) {
  return ctx.db
    .selectFrom('verification_requests as v')
    .innerJoin('users as s', 's.id', 'v.submitted_by')
    .leftJoin('users as d', 'd.id', 'v.decided_by')
    .select(['v.id', 'v.state', 'v.document_name', 'v.document_size', 'v.contact_name', 'v.contact_role', 'v.contact_phone', 'v.contact_email', 'v.submitted_at', 'v.decided_at', 'v.checks', 'v.note', 'v.reason', 's.name as submitter', 'd.name as decider'])
    .where('v.organisation_id', '=', organisationId)
    .orderBy('v.submitted_at', 'desc')
    .orderBy('v.id', 'desc');
}

function toView(r: RequestRow): VerificationRequestView {
  return {
    id: r.id,
    state: r.state,
    documentName: r.document_name,
    documentSize: r.document_size,
    contactName: r.contact_name,
    contactRole: r.contact_role,
    contactPhone: r.contact_phone,
    contactEmail: r.contact_email,
    submittedBy: r.submitter,
    submittedAt: r.submitted_at.toISOString(),
    decidedBy: r.decider,
    decidedAt: r.decided_at?.toISOString() ?? null,
    checks: r.checks.filter((c): c is VerificationCheck => (VERIFICATION_CHECKS as readonly string[]).includes(c)),
    note: r.note,
    reason: r.reason,
  };
}

/** The admin's view on /my/organisation: the latest request and what became of it (the curator's note stays the agency's). */
export async function ownVerification(ctx: AppContext, actor: Actor): Promise<{ mayRequest: boolean; latest: Omit<VerificationRequestView, 'note' | 'checks'> | null }> {
  if (!mayAdministerOrganisation(actor, actor.organisationId)) return { mayRequest: false, latest: null };
  const org = await ctx.db.selectFrom('organisations').select('verified_at').where('id', '=', actor.organisationId).executeTakeFirstOrThrow();
  const latest = await requestsOf(ctx, actor.organisationId).executeTakeFirst();
  const view = latest ? toView(latest) : null;
  const { note: _note, checks: _checks, ...shown } = view ?? { note: null, checks: [] };
  return { mayRequest: org.verified_at === null && latest?.state !== 'pending', latest: view ? (shown as Omit<VerificationRequestView, 'note' | 'checks'>) : null };
}

export interface OrganisationForVerification {
  id: string;
  slug: string;
  name: string;
  type: OrganisationType;
  taxCode: string;
  province: string;
  legalRepresentative: string | null;
  registrationDocument: string | null;
  verifiedAt: string | null;
  verifiedBy: string | null;
  createdAt: string;
  registries: typeof REGISTRIES;
  requests: VerificationRequestView[];
  /** A request waits for the curator: the only time it may verify or refuse. */
  pending: VerificationRequestView | null;
}

/** Everything a curator weighs for one organisation: its claims, the evidence, earlier requests. */
export async function organisationForVerification(ctx: AppContext, actor: Actor, organisationId: string): Promise<OrganisationForVerification> {
  requireCurator(actor);
  if (!isUuid(organisationId)) throw new NotFoundError('organisation', organisationId);
  const org = await ctx.db
    .selectFrom('organisations as o')
    .leftJoin('users as u', 'u.id', 'o.verified_by')
    .select(['o.id', 'o.slug', 'o.name', 'o.type', 'o.tax_code', 'o.province_code', 'o.legal_representative', 'o.registration_document', 'o.verified_at', 'o.created_at', 'u.name as verifier'])
    .where('o.id', '=', organisationId)
    .executeTakeFirst();
  if (!org) throw new NotFoundError('organisation', organisationId);
  const requests = (await requestsOf(ctx, org.id).execute()).map(toView);
  return {
    id: org.id,
    slug: org.slug,
    name: org.name,
    type: org.type,
    taxCode: org.tax_code,
    province: org.province_code,
    legalRepresentative: org.legal_representative,
    registrationDocument: org.registration_document,
    verifiedAt: org.verified_at?.toISOString() ?? null,
    verifiedBy: org.verifier,
    createdAt: org.created_at.toISOString(),
    registries: REGISTRIES,
    requests,
    pending: requests.find((r) => r.state === 'pending') ?? null,
  };
}

/** The curator's list: waiting requests first, then the unverified, then the verified. */
export async function listOrganisationsForCuration(ctx: AppContext, actor: Actor) {
  requireCurator(actor);
  const rows = await ctx.db
    .selectFrom('organisations as o')
    .leftJoin('verification_requests as v', (join) => join.onRef('v.organisation_id', '=', 'o.id').on('v.state', '=', 'pending'))
    .select(['o.id', 'o.slug', 'o.name', 'o.type', 'o.tax_code', 'o.province_code', 'o.verified_at', 'o.created_at', 'v.submitted_at as requested_at'])
    .orderBy((eb) => eb.case().when('v.id', 'is not', null).then(0).when('o.verified_at', 'is', null).then(1).else(2).end())
    .orderBy('v.submitted_at')
    .orderBy('o.created_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    name: r.name,
    type: r.type,
    taxCode: r.tax_code,
    province: r.province_code,
    verifiedAt: r.verified_at?.toISOString() ?? null,
    requestedAt: r.requested_at?.toISOString() ?? null,
  }));
}

/**
 * The curator verifies or refuses the waiting request, recording what was checked. Without a
 * request there is nothing to decide: verification never happens without evidence.
 */
export async function decideVerification(ctx: AppContext, actor: Actor, organisationId: string, input: unknown): Promise<{ state: 'verified' | 'refused' }> {
  requireCurator(actor);
  if (!isUuid(organisationId)) throw new NotFoundError('organisation', organisationId);
  const decision = parsed(verificationDecisionSchema, input);
  const outcome = await ctx.db.transaction().execute(async (trx) => {
    const org = await trx.selectFrom('organisations').select(['id', 'name', 'verified_at']).where('id', '=', organisationId).forUpdate().executeTakeFirst();
    if (!org) throw new NotFoundError('organisation', organisationId);
    const request = await trx.selectFrom('verification_requests').select('id').where('organisation_id', '=', org.id).where('state', '=', 'pending').forUpdate().executeTakeFirst();
    if (!request) throw new ConflictError(org.verified_at ? 'already_verified' : 'no_verification_request', undefined, 'wrong_state');
    const now = ctx.clock();
    const state = decision.decision === 'verify' ? ('verified' as const) : ('refused' as const);
    const reason = decision.decision === 'refuse' ? decision.reason : null;
    await trx
      .updateTable('verification_requests')
      .set({ state, decided_by: actor.userId, decided_at: now, checks: decision.checks, note: decision.note, reason })
      .where('id', '=', request.id)
      .execute();
    await trx
      .insertInto('audit_events')
      .values({
        entity_type: 'organisation',
        entity_id: org.id,
        action: state === 'verified' ? 'verify' : 'refuse_verification',
        actor_id: actor.userId,
        reason,
        payload: JSON.stringify({ requestId: request.id, checks: decision.checks, note: decision.note }),
        at: now,
      })
      .execute();
    if (state === 'verified') {
      await trx.updateTable('organisations').set({ verified_at: now, verified_by: actor.userId }).where('id', '=', org.id).execute();
      const listings = await trx.selectFrom('listings').select('id').where('organisation_id', '=', org.id).where('status', '=', 'published').execute();
      await enqueueListingChanged(trx, listings.map((l) => l.id));
      await notifyOrganisation(ctx, trx, org.id, { kind: 'organisation_verified', params: { name: org.name }, link: '/my/organisation' });
    } else {
      await notifyOrganisation(ctx, trx, org.id, { kind: 'organisation_refused', params: { name: org.name }, link: '/my/organisation' });
    }
    return { state };
  });
  await askFor(ctx, [['search-relay', {}]]);
  await askFor(ctx, [['mail-delivery', {}]]);
  return outcome;
}

/** The registration document, for the organisation's admins and curators only. */
export async function verificationDocument(ctx: AppContext, actor: Actor | null, requestId: string) {
  if (!isUuid(requestId)) throw new NotFoundError('organisation', requestId);
  const row = await ctx.db.selectFrom('verification_requests').select(['organisation_id', 'document_name', 'document_type', 'document']).where('id', '=', requestId).executeTakeFirst();
  if (!row || !maySeeVerificationEvidence(actor, row.organisation_id)) throw new NotFoundError('organisation', requestId);
  return { filename: row.document_name, contentType: row.document_type, data: row.document };
}
