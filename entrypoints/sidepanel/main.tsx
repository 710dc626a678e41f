import { render } from 'preact';
import '../../components/shared/theme.css';
import { SidePanelApp } from '../../components/sidepanel/SidePanelApp';
import { targetSpecOf } from '../../components/sidepanel/targetTab';

// ?tabId= pins the panel to one tab; ?windowId= follows another window's active tab. The panel opened in a tab or a
// window of its own (and the end-to-end tests) use them.
const { pinnedTabId, windowId } = targetSpecOf(location.search);
render(<SidePanelApp pinnedTabId={pinnedTabId} windowId={windowId} />, document.getElementById('app')!);
