/**
 * A size for the reader, in decimal units as browsers' download lists and the settings' limits show it: "640 bytes",
 * "14 kB", "2.4 MB", "200 MB". The one format for copy sizes, import limits and bench output.
 */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} bytes`;
  if (bytes < 1_000_000) return `${Math.round(bytes / 1000)} kB`;
  return `${(bytes / 1_000_000).toFixed(bytes < 10_000_000 ? 1 : 0)} MB`;
}
