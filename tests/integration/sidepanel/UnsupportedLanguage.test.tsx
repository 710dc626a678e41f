// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EntitySections } from '../../../components/entities/EntitySections';
import { languageSupport } from '../../../utils/entities/languages';
import { findEntities } from '../../../utils/entities/findEntities';
import { seriousViolations } from '../../support/axe';

afterEach(cleanup);

// A real Chinese news sentence (Xinhua style): no capitals, so nothing can be recognised in it yet.
const chinese = '新华社北京12月3日电 国家主席习近平3日在人民大会堂会见来访的法国总统马克龙。两国元首就双边关系和共同关心的国际问题交换了意见。';

function renderFor(text: string, lang: string | null) {
  const entities = findEntities({ text, lang });
  return render(
    <EntitySections entities={entities} text={text} knowledge={{}} lookupsState="on" language={languageSupport(lang, text)} lang={lang} onReveal={vi.fn()} onChooseLink={vi.fn()} />,
  );
}

describe('the entity list for a language Backstory cannot read names in', () => {
  it('says plainly that people and places are not recognised in Chinese yet, instead of an empty list', async () => {
    const { container } = renderFor(chinese, 'zh-CN');
    expect(screen.getByRole('heading', { name: 'People and places are not recognised in Chinese yet' })).toBeTruthy();
    expect(screen.getByRole('region', { name: /not recognised in Chinese/ })).toBeTruthy();
    expect(screen.queryByText(/No people or places found/)).toBeNull();
    expect(await seriousViolations(container)).toEqual([]);
  });

  it('names the language from the text when the page declares none (Japanese, Arabic)', () => {
    renderFor('東京都は3日、新しい防災計画を発表した。小池百合子知事は記者会見で説明した。', null);
    expect(screen.getByRole('heading', { name: /not recognised in Japanese yet/ })).toBeTruthy();
    cleanup();
    renderFor('قال الرئيس المصري في القاهرة إن المحادثات مستمرة مع الجانب الإسرائيلي.', null);
    expect(screen.getByRole('heading', { name: /not recognised in Arabic yet/ })).toBeTruthy();
  });

  it('keeps the ordinary empty state for a supported language that names nobody', () => {
    renderFor('Die Sitzung dauerte bis zum Abend. Danach gingen alle nach Hause.', 'de');
    expect(screen.getByRole('heading', { name: 'No people or places found in this article' })).toBeTruthy();
    expect(screen.queryByText(/not recognised/)).toBeNull();
  });
});
