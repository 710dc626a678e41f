/** The panel's line in a private window: what Backstory keeps from this page, and what it does not. */
export function PrivateNotice() {
  return (
    <p class="private-notice" role="note">
      <strong>Private window.</strong> Backstory keeps nothing from this page — not the article, not the names it
      looked up — unless you save a highlight or a note. What you save stays in your library after the window closes.
    </p>
  );
}
