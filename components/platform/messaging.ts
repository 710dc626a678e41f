import { browser } from 'wxt/browser';
import type {
  ContentMessage,
  ContentReplies,
  ErrorCode,
  PayloadIn,
  Reply,
  SendToBackground,
  toContent,
} from '../../utils/messaging/protocol';

/** A failed reply, thrown by `send`/`sendToTab` so callers can show its message. */
export class MessageError extends Error {
  constructor(
    readonly code: ErrorCode | 'no-receiver',
    message: string,
  ) {
    super(message);
  }
}

function unwrap<T>(reply: unknown): T {
  if (typeof reply !== 'object' || reply === null || !('ok' in reply)) {
    throw new MessageError('no-receiver', 'No answer from the other side.');
  }
  const r = reply as Reply<T>;
  if (r.ok) return r.data;
  throw new MessageError(r.error.code, r.error.message);
}

/** Sends a typed message to the background and returns its typed answer (throws MessageError on failure). */
export const send: SendToBackground = async (type, payload) => unwrap(await browser.runtime.sendMessage({ type, payload }));

/** Sends a typed message to a tab's content script (top frame) and returns its typed answer. */
export async function sendToTab<K extends ContentMessage>(
  tabId: number,
  type: K,
  payload: PayloadIn<typeof toContent, K>,
): Promise<ContentReplies[K]> {
  let reply: unknown;
  try {
    reply = await browser.tabs.sendMessage(tabId, { type, payload }, { frameId: 0 });
  } catch (error) {
    throw new MessageError('no-receiver', error instanceof Error ? error.message : 'The page did not answer.');
  }
  return unwrap<ContentReplies[K]>(reply);
}
