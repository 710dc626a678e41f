/** Why a look-up failed, as LinkResult's error reasons name it. */
export type KnowledgeFailure = 'offline' | 'timeout' | 'http' | 'malformed';

/** A failed Wikipedia/Wikidata request, classified so the sidebar can say what is missing and why. */
export class KnowledgeError extends Error {
  constructor(
    readonly reason: KnowledgeFailure,
    message: string,
    /** HTTP status, when there was one. */
    readonly status?: number,
  ) {
    super(message);
    this.name = 'KnowledgeError';
  }
}
