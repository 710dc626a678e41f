// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/preact';
import { afterEach, expect, it } from 'vitest';
import { expectAccessible } from '../../support/axe';

afterEach(cleanup);

it('the accessibility check fails on a serious violation, so its passes elsewhere mean something', async () => {
  const { container } = render(
    <div>
      <button type="button" />
      <textarea />
    </div>,
  );
  await expect(expectAccessible(container)).rejects.toThrow(/button-name \(critical\)[\s\S]*label \(critical\)/);
});
