/**
 * Adds Backstory's page-level CSS (the ::highlight() rules) without touching the page's DOM: a constructed
 * stylesheet adopted by the document. Falls back to a <style data-backstory> element where adoptedStyleSheets is
 * missing. Returns a function that removes it.
 */
export function adoptPageCss(doc: Document, css: string): () => void {
  const win = doc.defaultView;
  if (win && 'adoptedStyleSheets' in doc && typeof win.CSSStyleSheet === 'function') {
    try {
      const sheet = new win.CSSStyleSheet();
      sheet.replaceSync(css);
      doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
      return () => {
        doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
      };
    } catch {
      // Some pages freeze or replace adoptedStyleSheets; the element below still works.
    }
  }
  const style = doc.createElement('style');
  style.setAttribute('data-backstory', '');
  style.textContent = css;
  (doc.head ?? doc.documentElement).append(style);
  return () => style.remove();
}
