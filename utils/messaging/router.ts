import * as v from 'valibot';
import type { ErrorCode, Reply, SenderKind } from './protocol';

/** The parts of a runtime.MessageSender the router looks at. */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string; incognito?: boolean };
  frameId?: number;
}

/** What a handler gets besides its payload. */
export interface HandlerContext {
  sender: SenderInfo;
  /** Who sent it: a web page's content script or one of our extension pages. */
  kind: 'content' | 'extension-page';
  /** The sending tab, when a content script sent the message. */
  tabId: number | undefined;
  /**
   * For a content script: the URL of the page it runs in, from the browser (`sender.url`, else `sender.tab.url`),
   * never from the payload. Every record a content script names must belong to this page's article (mayClaim()).
   */
  pageUrl: string | undefined;
}

/** A table of message definitions (`toBackground` or `toContent`). */
export type MessageTable = Record<string, { from: SenderKind; payload: v.GenericSchema }>;

/** One handler per message of a table; the payload is already validated. */
export type Handlers<T extends MessageTable, R extends { [K in keyof T]: unknown }> = {
  [K in keyof T]: (payload: v.InferOutput<T[K]['payload']>, ctx: HandlerContext) => Promise<R[K]> | R[K];
};

/** Thrown by a handler to answer with a specific error code. */
export class HandlerError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Where our own extension pages live ("chrome-extension://<id>/"). */
export interface RouterOptions {
  extensionId: string;
  extensionOrigin: string;
}

function senderKind(sender: SenderInfo, opts: RouterOptions): 'content' | 'extension-page' | null {
  if (sender.id !== opts.extensionId) return null;
  const url = sender.url ?? '';
  // An extension page opened in a tab (the e2e suite does this) still has an extension URL: the URL decides.
  if (url.startsWith(`${opts.extensionOrigin}/`) || url === opts.extensionOrigin) return 'extension-page';
  // Content scripts run in the top frame only; a message from a subframe of a page is not one of ours to trust.
  if (sender.tab && (sender.frameId === undefined || sender.frameId === 0) && /^https?:\/\//i.test(senderPageUrl(sender) ?? '')) return 'content';
  return null;
}

/** The page a content script runs in, as the browser reports it. */
function senderPageUrl(sender: SenderInfo): string | undefined {
  return sender.url ?? sender.tab?.url;
}

/**
 * Validates and dispatches one message. Never throws: every outcome is a Reply, so a bad message costs the
 * sender an error value and the receiver nothing.
 */
export async function dispatch<T extends MessageTable, R extends { [K in keyof T]: unknown }>(
  table: T,
  handlers: Handlers<T, R>,
  message: unknown,
  sender: SenderInfo,
  opts: RouterOptions,
): Promise<Reply<unknown>> {
  const envelope = v.safeParse(v.object({ type: v.string(), payload: v.unknown() }), message);
  if (!envelope.success) return fail('invalid-message', 'A message must be an object with a "type" string and a "payload".');
  const { type, payload } = envelope.output;
  if (!Object.hasOwn(table, type)) return fail('unknown-message', `Unknown message type "${type.slice(0, 80)}".`);
  const def = table[type]!;
  const kind = senderKind(sender, opts);
  if (kind === null || (def.from !== 'any' && def.from !== kind)) {
    return fail('forbidden', `"${type}" may not be sent from ${kind ?? 'outside this extension'}.`);
  }
  const parsed = v.safeParse(def.payload, payload);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = issue?.path?.map((p) => String(p.key)).join('.') ?? '';
    return fail('invalid-message', `Invalid payload for "${type}"${path ? ` at ${path}` : ''}: ${issue?.message ?? 'rejected'}.`);
  }
  try {
    const handler = handlers[type as keyof T];
    const data = await handler(parsed.output as v.InferOutput<T[keyof T]['payload']>, {
      sender,
      kind,
      tabId: sender.tab?.id,
      pageUrl: kind === 'content' ? senderPageUrl(sender) : undefined,
    });
    return { ok: true, data };
  } catch (error) {
    if (error instanceof HandlerError) return fail(error.code, error.message);
    console.error(`[backstory] handler for "${type}" failed`, error);
    return fail('internal', error instanceof Error ? error.message : 'Unexpected error.');
  }
}

function fail(code: ErrorCode, message: string): Reply<never> {
  return { ok: false, error: { code, message } };
}

/** A runtime.onMessage listener for a table of handlers: answers with sendResponse and keeps the channel open. */
export function createListener<T extends MessageTable, R extends { [K in keyof T]: unknown }>(
  table: T,
  handlers: Handlers<T, R>,
  opts: RouterOptions,
): (message: unknown, sender: SenderInfo, sendResponse: (reply: Reply<unknown>) => void) => true | undefined {
  return (message, sender, sendResponse) => {
    void dispatch(table, handlers, message, sender, opts).then(sendResponse);
    return true;
  };
}
