import { linkParts } from '../domain/text-links.js';

/** A person's plain text with its web addresses as links that send no referrer. */
export function LinkedText({ text }: { text: string }) {
  return (
    <>
      {linkParts(text).map((part, i) =>
        'href' in part ? (
          <a key={i} href={part.href} rel="nofollow noopener noreferrer">
            {part.text}
          </a>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </>
  );
}
