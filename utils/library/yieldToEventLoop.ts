/** Lets the page paint and handle input between chunks of a long job (validation, index building). */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
