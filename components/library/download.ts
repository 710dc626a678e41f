/** Saves a Blob as a file through an `<a download>` click in the given document (no downloads permission needed). */
export function downloadBlob(doc: Document, blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  doc.body.append(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in Firefox; a minute is ample.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
