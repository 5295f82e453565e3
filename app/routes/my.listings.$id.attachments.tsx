import type { ActionFunctionArgs } from '@remix-run/node';
import { MaxPartSizeExceededError, data, redirect, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from '@remix-run/node';
import { requireActor } from '../auth/session.server.js';
import { MAX_ATTACHMENT_BYTES } from '../domain/attachment.js';
import { addAttachment, removeAttachment } from '../services/attachments.server.js';
import { InvalidInputError, NotFoundError } from '../services/errors.js';
import { appContext } from '../web/context.server.js';

/** Adds or removes one file of the owner's listing, then goes back to the listing. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const ctx = appContext(context);
  const actor = await requireActor(ctx, request);
  const id = params.id ?? '';
  const back = `/my/listings/${id}`;
  try {
    const form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_ATTACHMENT_BYTES }));
    if (form.get('intent') === 'remove') {
      await removeAttachment(ctx, actor, id, String(form.get('attachmentId')));
      return redirect(`${back}?attachment=removed`);
    }
    const file = form.get('file');
    if (!(file instanceof File)) throw new InvalidInputError({ file: ['choose a file'] });
    await addAttachment(ctx, actor, id, { name: file.name, type: file.type, bytes: new Uint8Array(await file.arrayBuffer()), confidential: form.get('confidential') === 'on' });
    return redirect(`${back}?attachment=added`);
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return redirect(`${back}?attachment=too_large`);
    if (error instanceof InvalidInputError) return redirect(`${back}?attachment=refused`);
    if (error instanceof NotFoundError) throw data({ error: error.message }, { status: 404 });
    throw error;
  }
}

export const loader = ({ params }: { params: { id?: string } }) => redirect(`/my/listings/${params.id ?? ''}`);
