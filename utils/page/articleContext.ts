import type { LiveTextIndex } from '../article/liveIndex';
import type { Article } from '../article/types';
import type { Entity } from '../entities/types';
import type { TextSpaces } from '../highlights/placeHighlights';

/** What the page features need from the current analysis (an article was extracted). */
export interface ArticleContext {
  article: Article;
  index: LiveTextIndex;
  /** The article's text space and the page's whole readable text (highlights outside the article, drift). */
  spaces: TextSpaces;
  entities: Entity[];
}
