/** An import that was refused: the message says what is wrong and where, for the reader. Nothing was written. */
export class ImportError extends Error {
  override name = 'ImportError';
}
