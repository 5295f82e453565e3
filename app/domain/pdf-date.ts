// Dates as PDF writes them (ISO 32000-1, 7.9.4): "D:YYYYMMDDHHmmSSOHH'mm'", every part after the
// year optional. A signature dictionary's /M is one; PAdES tools write the signing time there
// rather than in the CMS.

const PDF_DATE = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:([Zz+-])(?:(\d{2})(?:'?(\d{2})'?)?)?)?$/;

/** The instant a PDF date names, or null if it is not one. Without a time zone it is read as UTC. */
export function parsePdfDate(text: string): Date | null {
  const m = PDF_DATE.exec(text.trim());
  if (!m) return null;
  const [year, month = 1, day = 1, hour = 0, minute = 0, second = 0] = m.slice(1, 7).map((part) => (part === undefined ? undefined : Number(part)));
  const sign = m[7] === '-' ? -1 : 1;
  const offsetMinutes = sign * (Number(m[8] ?? 0) * 60 + Number(m[9] ?? 0));
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const utc = Date.UTC(year!, month - 1, day, hour, minute, second) - offsetMinutes * 60_000;
  const date = new Date(utc);
  // Date.UTC rolls 31 February over into March; a real date does not.
  const local = new Date(utc + offsetMinutes * 60_000);
  return local.getUTCDate() === day ? date : null;
}
