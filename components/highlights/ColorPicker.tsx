import { useId } from 'preact/hooks';
import { highlightFill } from '../../utils/highlights/highlightCss';
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../utils/highlights/types';
import { colorName } from './colorName';

/**
 * A highlight's colour as native radio buttons (arrow keys move and select, as screen-reader users expect of a radio
 * group) drawn as swatches in the page's own fills.
 */
export function ColorPicker({ value, onChange, legend }: { value: HighlightColor; onChange(color: HighlightColor): void; legend: string }) {
  const name = useId();
  return (
    <fieldset class="hl-colors">
      <legend class="visually-hidden">{legend}</legend>
      {HIGHLIGHT_COLORS.map((color) => (
        <label key={color} class="hl-color" title={colorName(color)}>
          <input
            type="radio"
            class="hl-color-input"
            name={name}
            value={color}
            checked={color === value}
            onChange={() => onChange(color)}
          />
          <span class="hl-color-swatch" style={{ background: highlightFill(color) }} aria-hidden="true" />
          <span class="visually-hidden">{colorName(color)}</span>
        </label>
      ))}
    </fieldset>
  );
}
