// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TagEditor } from '../../../components/library/TagEditor';

afterEach(cleanup);

function setup(tags: string[] = []) {
  const onChange = vi.fn();
  render(<TagEditor tags={tags} onChange={onChange} label="Tags of “A”" listId="all-tags" />);
  const input = screen.getByRole<HTMLInputElement>('combobox', { name: /Add a tag/ });
  const add = (text: string) => {
    fireEvent.input(input, { target: { value: text } });
    fireEvent.keyDown(input, { key: 'Enter' });
  };
  return { onChange, input, add };
}

describe('TagEditor (issue #13, finding 4: the editor accepts only what undo and export accept)', () => {
  it('refuses a 120-character tag with a message, and keeps the draft to fix', () => {
    const { onChange, input, add } = setup();
    add('t'.repeat(120));
    expect(onChange).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toMatch(/at most 100 characters/);
    expect(input.value).toHaveLength(120);
    expect(input.getAttribute('aria-invalid')).toBe('true');
  });

  it('refuses the 101st tag', () => {
    const { onChange, add } = setup(Array.from({ length: 100 }, (_, i) => `tag ${i}`));
    add('one more');
    expect(onChange).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toMatch(/at most 100 tags/);
  });

  it('adds a normal tag, normalised, and clears the message', () => {
    const { onChange, add } = setup(['russia']);
    add('t'.repeat(120));
    add('  #North   Korea ');
    expect(onChange).toHaveBeenCalledWith(['russia', 'North Korea']);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
