import { browser } from 'wxt/browser';

/**
 * The library opened from a private window. Firefox keeps a private window's extension storage apart from the
 * reader's library (components/platform/browserDifferences.ts), so the library offers to open in a normal window instead
 * of showing an empty one.
 */
export function PrivateLibraryNotice() {
  return (
    <main class="private-library">
      <h1>Your library opens in a normal window</h1>
      <p>
        This is a private window, and the browser keeps its storage apart from your library. Your highlights and notes
        are safe; open the library in a normal window to see them.
      </p>
      <button type="button" onClick={() => void browser.windows.create({ url: browser.runtime.getURL('/library.html'), incognito: false })}>
        Open the library in a normal window
      </button>
    </main>
  );
}
