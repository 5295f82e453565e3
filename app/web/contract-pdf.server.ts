// A contract's PDF as a download, the same for the page's link and the API: the content hash of
// the version it renders travels in a header, so a program can check what it signs.

/** The response for `contractPdf(…)`'s answer. */
export function contractPdfResponse(pdf: { filename: string; bytes: Buffer; sha256: string }): Response {
  return new Response(new Uint8Array(pdf.bytes), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${pdf.filename}"`,
      'Cache-Control': 'private, no-store',
      'X-Content-SHA256': pdf.sha256,
    },
  });
}
