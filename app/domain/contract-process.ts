// A contract as one process table: generated from a deal's agreed terms, signed by both parties'
// authorised signers (click-through, a digital signature on the generated PDF, or a scan of the
// signed-and-sealed paper confirmed by the other side), then in progress milestone by milestone
// until all are accepted. Any change of content makes a new version and voids every signature.
import { maySeeDeal, maySignFor, mayCurate } from './access.js';
import { partiesOf, type Party } from './deal-process.js';
import type { FieldProblems, Problem } from './problem.js';
import type { Process, Transition } from './process.js';

export const CONTRACT_STAGES = ['opening', 'draft', 'signed', 'completed', 'terminated'] as const;
export type ContractStage = (typeof CONTRACT_STAGES)[number];
export type SignatureMethod = 'click' | 'digital' | 'paper';

export type ContractSide = 'buyer' | 'seller' | 'signer' | 'unsigned_signer' | 'countersigner' | 'signed_signer' | 'paper_confirmer' | 'curator' | 'system';

export interface ContractFacts {
  stage: ContractStage;
  buyerOrganisationId: string;
  sellerOrganisationId: string;
  contentVersion: number;
  contentSha256: string | null;
  /** The parties whose signature of the current version counts. */
  signedBy: readonly Party[];
  /** A scan of the paper contract one party uploaded, waiting for the other to confirm it. */
  paperUploadedBy: Party | null;
  /** Milestones not accepted yet. */
  openMilestones: number;
  /** A milestone has moved past `due` (paid, delivered …): the contract is being performed. */
  performing: boolean;
  /** Blanks left in the current version (a party's address, representative …): nobody signs until they are filled. */
  gaps: readonly string[];
}

export interface ContractTransitionInput {
  /** The content hash the signer was shown: a newer version is a 409. */
  contentSha256?: string | null;
  /** The signer's full name, typed. */
  typedName?: string | null;
  method?: SignatureMethod | null;
  reason?: string | null;
}

export const TYPED_NAME_MAX = 200;
export const REASON_MAX = 2000;

const signedContent = (input: ContractTransitionInput, c: ContractFacts): Problem | null =>
  input.contentSha256 === c.contentSha256 ? null : { code: 'contract_changed', params: { version: c.contentVersion } };

const signatureCheck = (input: ContractTransitionInput, c: ContractFacts): FieldProblems | null => {
  if (c.gaps.length) return { form: [{ code: 'contract_incomplete', params: { missing: c.gaps.join(', ') } }] };
  const name = (input.typedName ?? '').trim();
  if (!name) return { typedName: [{ code: 'required' }] };
  return name.length > TYPED_NAME_MAX ? { typedName: [{ code: 'too_long', params: { max: TYPED_NAME_MAX } }] } : null;
};

const reasonRequired = (input: ContractTransitionInput): FieldProblems | null => {
  const reason = (input.reason ?? '').trim();
  if (!reason) return { reason: [{ code: 'required' }] };
  return reason.length > REASON_MAX ? { reason: [{ code: 'too_long', params: { max: REASON_MAX } }] } : null;
};

type T = Transition<ContractStage, ContractSide, ContractFacts, ContractTransitionInput, string>;

const table = {
  /** Made from the agreed terms, by the system, when the deal is agreed (or an express licence bought). */
  generate: {
    from: ['opening'],
    to: 'draft',
    by: ['system'],
    notifies: [
      { to: 'buyer', kind: 'contract_ready' },
      { to: 'seller', kind: 'contract_ready' },
    ],
  },
  /** A party's details changed (address, representative): a new version; every signature is void. */
  revise: {
    from: ['draft', 'signed'],
    to: 'draft',
    by: ['signer'],
    // Once a milestone has been paid or delivered the contract is being performed: it is not re-made.
    when: (c) => c.stage === 'draft' || !c.performing,
    notifies: [{ to: 'buyer', kind: 'contract_revised' }, { to: 'seller', kind: 'contract_revised' }],
    sets: () => ({ signedAt: null }),
  },
  /** The first party signs the current version. */
  sign: {
    from: ['draft'],
    by: ['unsigned_signer'],
    done: { by: 'signed_signer', problem: 'already_signed' },
    when: (c) => c.signedBy.length === 0,
    stale: signedContent,
    check: signatureCheck,
    notifies: [
      { to: 'buyer', kind: 'contract_signed_by_one' },
      { to: 'seller', kind: 'contract_signed_by_one' },
    ],
  },
  /** The second party signs the same version: the contract is signed and its milestones fall due. */
  countersign: {
    from: ['draft'],
    to: 'signed',
    by: ['countersigner'],
    done: { by: 'signed_signer', problem: 'already_signed' },
    stale: signedContent,
    check: signatureCheck,
    sets: (_c, at) => ({ signedAt: at }),
    notifies: [
      { to: 'buyer', kind: 'contract_signed' },
      { to: 'seller', kind: 'contract_signed' },
      { to: 'curator', kind: 'contract_signed' },
    ],
  },
  /** A scan of the paper contract, signed and sealed by both, uploaded by one party. */
  upload_paper: {
    from: ['draft'],
    by: ['signer'],
    when: (c) => c.paperUploadedBy === null,
    stale: signedContent,
    check: signatureCheck,
    notifies: [
      { to: 'buyer', kind: 'contract_paper_uploaded' },
      { to: 'seller', kind: 'contract_paper_uploaded' },
    ],
  },
  /** The other party confirms the scan is the contract both signed: signed. */
  confirm_paper: {
    from: ['draft'],
    to: 'signed',
    by: ['paper_confirmer'],
    stale: signedContent,
    check: signatureCheck,
    sets: (_c, at) => ({ signedAt: at }),
    notifies: [
      { to: 'buyer', kind: 'contract_signed' },
      { to: 'seller', kind: 'contract_signed' },
      { to: 'curator', kind: 'contract_signed' },
    ],
  },
  /** The last milestone was accepted. */
  complete: {
    from: ['signed'],
    to: 'completed',
    by: ['system'],
    when: (c) => c.openMilestones === 0,
    sets: (_c, at) => ({ completedAt: at }),
    notifies: [
      { to: 'buyer', kind: 'contract_completed' },
      { to: 'seller', kind: 'contract_completed' },
      { to: 'curator', kind: 'contract_completed' },
    ],
  },
  /** A curator, as operator, ends a contract (a dispute, a party gone), with a reason. */
  terminate: {
    from: ['draft', 'signed'],
    to: 'terminated',
    by: ['curator'],
    check: reasonRequired,
    sets: (_c, at) => ({ closedAt: at }),
    notifies: [
      { to: 'buyer', kind: 'contract_terminated' },
      { to: 'seller', kind: 'contract_terminated' },
    ],
  },
} as const satisfies Record<string, T>;

export type ContractTransitionName = keyof typeof table;

const other = (p: Party): Party => (p === 'buyer' ? 'seller' : 'buyer');

/** A signature's name by the facts: the first party signs, the second countersigns. */
export const signingTransition = (c: ContractFacts): ContractTransitionName => (c.signedBy.length > 0 ? 'countersign' : 'sign');

export const CONTRACT_PROCESS: Process<ContractStage, ContractSide, ContractFacts, ContractTransitionInput, ContractTransitionName> = {
  entity: 'contract',
  transitions: table as Record<ContractTransitionName, Transition<ContractStage, ContractSide, ContractFacts, ContractTransitionInput, ContractTransitionName>>,
  stateOf: (c) => c.stage,
  sidesOf(actor, c) {
    if (actor === null) return ['system'];
    const sides: ContractSide[] = [];
    for (const party of partiesOf(actor, c)) {
      sides.push(party);
      if (!maySignFor(actor, party === 'buyer' ? c.buyerOrganisationId : c.sellerOrganisationId)) continue;
      sides.push('signer');
      if (c.signedBy.includes(party)) sides.push('signed_signer');
      else sides.push(c.signedBy.includes(other(party)) ? 'countersigner' : 'unsigned_signer');
      if (c.paperUploadedBy === other(party)) sides.push('paper_confirmer');
    }
    if (mayCurate(actor)) sides.push('curator');
    return sides;
  },
  visibleTo: (actor, c) => actor === null || maySeeDeal(actor, c),
  wrongState: 'contract_wrong_stage',
  forbidden: {
    signer: 'forbidden_signer',
    unsigned_signer: 'forbidden_signer',
    countersigner: 'forbidden_signer',
    paper_confirmer: 'forbidden_signer',
    curator: 'forbidden_curator',
  },
};
