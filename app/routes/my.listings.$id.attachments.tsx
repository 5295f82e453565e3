import type { ActionFunctionArgs } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { z } from 'zod';
import { requireActor } from '../auth/session.server.js';
import { MAX_ATTACHMENT_BYTES } from '../domain/attachment.js';
import { addAttachment, removeAttachment } from '../services/attachments.server.js';
import { InvalidInputError, invalidField, parsed } from '../services/errors.js';
import { translator } from '../i18n/index.js';
import { getLanguage } from '../i18n/language.server.js';
import { BodyTooLargeError, UnreadableBodyError } from '../web/body.server.js';
import { appContext } from '../web/context.server.js';
import { isExpectedFailure, statusOf } from '../web/failure.server.js';
import { readUploadForm } from '../web/upload.server.js';

/** The upload form and each file's remove button (app/ui/attachments.tsx). */
const attachmentForms = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('add'), confidential: z.literal('on').optional() }),
  z.object({ intent: z.literal('remove'), attachmentId: z.string() }),
]);

/** Adds or removes one file of the owner's listing, then goes back to the listing. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const ctx = appContext(context);
  const actor = await requireActor(ctx, request);
  const id = params.id ?? '';
  const back = `/my/listings/${id}`;
  try {
    const { values, files } = await readUploadForm(request, { maxFileBytes: MAX_ATTACHMENT_BYTES });
    const form = parsed(attachmentForms, values);
    if (form.intent === 'remove') {
      await removeAttachment(ctx, actor, id, form.attachmentId);
      return redirect(`${back}?attachment=removed`);
    }
    const file = files.file;
    if (!file) throw invalidField('file', 'file_required');
    await addAttachment(ctx, actor, id, { ...file, confidential: form.confidential === 'on' });
    return redirect(`${back}?attachment=added`);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return redirect(`${back}?attachment=too_large`, { headers: { Connection: 'close' } });
    if (error instanceof UnreadableBodyError) {
      const text = translator(await getLanguage(request))('error.unreadableForm');
      return new Response(text, { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    }
    // A form this page never offers is the 400 page; a file refused is said on the listing.
    if (error instanceof InvalidInputError && error.problem.code === 'unknown_intent') throw data({ error: error.problem.code, problem: error.problem }, { status: 400 });
    if (error instanceof InvalidInputError) return redirect(`${back}?attachment=refused`);
    if (isExpectedFailure(error)) throw data({ error: error.problem.code, problem: error.problem }, { status: statusOf(error) });
    throw error;
  }
}

export const loader = ({ params }: { params: { id?: string } }) => redirect(`/my/listings/${params.id ?? ''}`);
