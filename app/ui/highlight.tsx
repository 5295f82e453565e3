import { splitHighlight } from '../domain/listing.js';

/** Text with the search engine's marks shown as <mark>; the text itself stays text. */
export function Highlight({ value }: { value: string }) {
  return (
    <>
      {splitHighlight(value).map((part, i) => (part.marked ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </>
  );
}
