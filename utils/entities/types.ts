/** What kind of thing an entity is. */
export type EntityType = 'person' | 'place' | 'organization' | 'other';

/** One occurrence of an entity in the article text: `text === article.text.slice(start, end)`. */
export interface Mention {
  start: number;
  end: number;
  text: string;
}

/** A real-world person, place or organisation named in the article, with every mention of it. */
export interface Entity {
  /** Stable within one analysis: derived from type and name. */
  id: string;
  type: EntityType;
  /** The fullest name used in the article ("Vladimir Putin"). */
  name: string;
  /** Other surface forms seen ("Putin", "Putin's"). */
  aliases: string[];
  /** Mentions in reading order. */
  mentions: Mention[];
  /** True for fictional characters (cartoon similes and the like): never shown as real people. */
  fictional?: boolean;
  /** True for the article's author (found in the byline): listed after the people the article is about. */
  author?: boolean;
  /** 0–1: how sure the trained recognizer is of this entity (its surest mention); absent when no model ran. */
  confidence?: number;
}
