// Plain text with its web addresses made followable, without ever treating the text as HTML:
// a message is split into text and links, and the page renders each part as what it is.

export type TextPart = { text: string } | { text: string; href: string };

// http(s) addresses only; a trailing punctuation mark ends the sentence, not the address.
const ADDRESS = /https?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]'”’]/gi;

export function linkParts(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(ADDRESS)) {
    const at = match.index ?? 0;
    if (at > last) parts.push({ text: text.slice(last, at) });
    parts.push({ text: match[0], href: match[0] });
    last = at + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}
