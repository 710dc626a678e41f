import { describe, expect, it } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { stopEventName } from '../../../components/platform/shieldContentScript';

/*
 * The shield against a page stopping the content scripts (issue #13) swallows WXT's stop event by name. The name is
 * WXT's private constant; if a WXT upgrade changes it, this fails instead of the shield silently matching nothing.
 */
describe('the content-script shield', () => {
  it('swallows the event WXT listens to', () => {
    expect(stopEventName(import.meta.env.ENTRYPOINT)).toBe(ContentScriptContext['SCRIPT_STARTED_MESSAGE_TYPE']);
  });
});
