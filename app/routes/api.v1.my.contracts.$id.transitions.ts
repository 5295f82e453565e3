import type { ActionFunctionArgs } from '@remix-run/node';
import { requireApiActor } from '../auth/session.server.js';
import { contractActionSchema } from '../domain/contract-form.js';
import { reviseContract, signContract } from '../services/contracts.server.js';
import { apiResponse, methodNotAllowed, readJson } from '../web/api.server.js';
import { appContext } from '../web/context.server.js';
import { parsed } from '../web/form-schema.server.js';

/**
 * POST `{ name, version?, … }`: `revise` (`address`, `legalRepresentative`,
 * `representativeTitle`; `ipNumber` and `stateFunded` for the seller) makes a new version and voids every
 * signature; `sign` (`typedName`, `contentSha256` of the version read) signs by click, and the
 * second party's signature makes the contract signed. 409 when somebody acted first or the content
 * changed since it was read (`contract_changed`).
 */
export const action = ({ request, params, context }: ActionFunctionArgs) =>
  apiResponse({ request, context }, async () => {
    if (request.method !== 'POST') return methodNotAllowed({ request });
    const ctx = appContext(context);
    const actor = await requireApiActor(ctx, request);
    const id = params.id ?? '';
    const input = parsed(contractActionSchema, await readJson(request));
    if (input.name === 'revise') {
      const { name: _name, version, ...details } = input;
      return { data: await reviseContract(ctx, actor, id, details, version) };
    }
    return { data: await signContract(ctx, actor, id, input, { method: 'click', address: context.clientIp ?? null }) };
  });

export const loader = methodNotAllowed;
