import { Form } from '@remix-run/react';
import { useT } from './use-t.js';

export interface AttachmentItem {
  id: string;
  filename: string;
  size: number;
  confidential: boolean;
  reviewState: 'pending' | 'approved' | 'refused';
}

const kb = (bytes: number) => `${new Intl.NumberFormat('vi-VN').format(Math.max(1, Math.round(bytes / 1024)))} KB`;

/**
 * The files of a listing; with `manage`, the owner's upload and remove forms (no JS needed);
 * with `review`, a curator's approve and refuse buttons for files that wait.
 */
export function Attachments({ files, manage, review, listingId, status }: { files: AttachmentItem[]; manage?: boolean; review?: boolean; listingId: string; status?: string | null }) {
  const t = useT();
  if (!manage && files.length === 0) return null;
  const showState = manage || review;
  return (
    <section aria-labelledby="attachments-heading">
      <h2 id="attachments-heading">{t('attachments.title')}</h2>
      {status ? <p className={`notice${status === 'added' || status === 'removed' ? '' : ' notice-error'}`} role="status">{t(`attachments.${status}` as 'attachments.added')}</p> : null}
      <ul className="attachments">
        {files.map((f) => (
          <li key={f.id}>
            <a href={`/attachments/${f.id}`} download>{f.filename}</a> <span className="hint">{kb(f.size)}{f.confidential ? ` · ${t('attachments.confidential')}` : ''}</span>
            {showState && f.reviewState !== 'approved' ? <span className={`status status-attachment-${f.reviewState}`}> {t(`attachments.review.${f.reviewState}`)}</span> : null}
            {review && f.reviewState === 'pending' ? (
              <Form method="post" className="inline">
                <input type="hidden" name="attachmentId" value={f.id} />
                <button type="submit" name="intent" value="approve_attachment">{t('attachments.review.approve')}</button>{' '}
                <button type="submit" name="intent" value="refuse_attachment" className="danger">{t('attachments.review.refuse')}</button>
              </Form>
            ) : null}
            {manage ? (
              <Form method="post" action={`/my/listings/${listingId}/attachments`} encType="multipart/form-data" className="inline">
                <input type="hidden" name="attachmentId" value={f.id} />
                <button type="submit" name="intent" value="remove" className="secondary">{t('attachments.remove')}</button>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
      {manage ? (
        <Form method="post" action={`/my/listings/${listingId}/attachments`} encType="multipart/form-data" className="stack narrow">
          <div className="form-field">
            <label htmlFor="attachment-file">{t('attachments.file')}</label>
            <input id="attachment-file" type="file" name="file" accept=".pdf,.png,.jpg,.jpeg,.docx,.pptx" required aria-describedby="attachment-hint" />
            <p className="hint" id="attachment-hint">{t('attachments.hint')}</p>
            <p className="hint">{t('attachments.review.hint')}</p>
          </div>
          <label>
            <input type="checkbox" name="confidential" /> {t('attachments.markConfidential')}
          </label>
          <button type="submit" name="intent" value="add">{t('attachments.add')}</button>
        </Form>
      ) : null}
    </section>
  );
}
