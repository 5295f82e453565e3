// A VietQR code drawn on the server as SVG, so the payment page shows it without client
// JavaScript and prints sharply. A screen reader announces it as an image by the caller's title
// ("Mã VietQR: chuyển 10.000 ₫ đến …"); the same details stand as text beside it on the page.
import QRCode from 'qrcode';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/**
 * The SVG markup of a QR code holding `payload` exactly. Error correction level M survives a
 * smudged print or a glare on a screen; the 2-module quiet zone is what scanners need, the page
 * gives the rest of the margin.
 */
export async function vietQrSvg(payload: string, title: string): Promise<string> {
  const svg = await QRCode.toString(payload, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  const start = svg.indexOf('<svg');
  const end = start < 0 ? -1 : svg.indexOf('>', start);
  if (end < 0) throw new Error('qrcode returned no <svg> element');
  return `${svg.slice(0, end)} role="img"><title>${escapeXml(title)}</title>${svg.slice(end + 1).trimEnd()}`;
}
