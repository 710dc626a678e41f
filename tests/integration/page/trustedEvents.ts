import { createRequire } from 'node:module';

// Our in-page listeners act only on the reader's own input (event.isTrusted, issue #13), and dispatchEvent() can never
// make a trusted event: that is the point. To drive those listeners in jsdom, the test fires events the way jsdom fires
// its own (its internal fireAnEvent, which marks them trusted). Test-only; the product never sees this.
const require = createRequire(import.meta.url);
const { fireAnEvent } = require('jsdom/lib/jsdom/living/helpers/events.js') as {
  fireAnEvent(type: string, target: unknown, eventInterface: unknown, init: object): boolean;
};
const idlUtils = require('jsdom/lib/generated/idl/utils.js') as { implForWrapper(wrapper: unknown): unknown };
const interfaces = {
  Event: require('jsdom/lib/generated/idl/Event.js') as unknown,
  MouseEvent: require('jsdom/lib/generated/idl/MouseEvent.js') as unknown,
  KeyboardEvent: require('jsdom/lib/generated/idl/KeyboardEvent.js') as unknown,
};

/** Dispatches a trusted event (as if the reader did it) on a jsdom node, document or window. */
export function fireTrusted(
  target: EventTarget,
  type: string,
  init: MouseEventInit | KeyboardEventInit = {},
  kind: keyof typeof interfaces = 'Event',
): void {
  fireAnEvent(type, idlUtils.implForWrapper(target), interfaces[kind], { bubbles: true, composed: true, ...init });
}
