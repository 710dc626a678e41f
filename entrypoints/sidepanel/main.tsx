import { render } from 'preact';
import '../../components/shared/theme.css';
import { SidePanelApp } from '../../components/sidepanel/SidePanelApp';

const params = new URLSearchParams(location.search);
const numberParam = (name: string): number | null => {
  const value = params.get(name);
  return value !== null && /^\d+$/.test(value) ? Number(value) : null;
};
// ?tabId= pins the panel to one tab; ?windowId= follows another window's active tab. The panel opened in a tab or a
// window of its own (and the end-to-end tests) use them.
render(<SidePanelApp pinnedTabId={numberParam('tabId')} windowId={numberParam('windowId')} />, document.getElementById('app')!);
