import { useId } from 'preact/hooks';
import type { LanguageSupport } from '../../utils/entities/languages';

/**
 * In place of the entity list for an article in a language Backstory cannot read names in yet (Chinese, Japanese,
 * Arabic…): says so plainly, so an empty list is not taken for an article that names nobody (issue 12).
 */
export function UnsupportedLanguage({ language }: { language: LanguageSupport }) {
  const uid = useId();
  const name = language.lang === 'und' ? 'this language' : language.name;
  return (
    <section class="entities-unsupported" aria-labelledby={`${uid}-title`} lang="en">
      <h2 id={`${uid}-title`} class="entities-empty-title">
        People and places are not recognised in {name} yet
      </h2>
      <p class="muted">
        Backstory finds names by their capital letters and word lists, which it does not have for {name}. Highlights and
        notes work as usual.
      </p>
    </section>
  );
}
