import { browser } from 'wxt/browser';

/*
 * Which highlight a tab's note frame may edit (issue #13, finding 2). The content script asks for a grant when the
 * reader clicks a painted highlight; the frame, an extension page the page cannot read, then asks the background
 * for "my tab's highlight". The frame's URL carries nothing: a page can frame note.html itself, but all it gets is
 * the grant the reader's own click made for this tab's article, inside a frame it cannot read.
 * Kept in storage.session (memory only, out of content scripts' reach) because a service worker can stop.
 */

/** A grant: the highlight and the page it was granted on. */
export interface NoteGrant {
  id: string;
  pageUrl: string;
}

const key = (tabId: number) => `noteFrame:${tabId}`;

/** Lets the note frame of a tab edit one highlight (replacing any earlier grant of that tab). */
export async function grantNote(tabId: number, grant: NoteGrant): Promise<void> {
  await browser.storage.session.set({ [key(tabId)]: grant });
}

/** The grant of a tab, if any. */
export async function noteGrant(tabId: number): Promise<NoteGrant | undefined> {
  const items = await browser.storage.session.get(key(tabId));
  return items[key(tabId)] as NoteGrant | undefined;
}

/** Ends a tab's grant (the note was closed, or the tab went away). */
export async function revokeNote(tabId: number): Promise<void> {
  await browser.storage.session.remove(key(tabId));
}
