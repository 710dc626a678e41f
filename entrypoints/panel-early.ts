import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { send } from '../components/platform/messaging';
import { firstTargetTab, targetSpecOf } from '../components/sidepanel/targetTab';

/*
 * Loaded by the side panel's page as a classic script in its <head>, so it runs while the page is still parsing,
 * before the app's module bundle: asks the background to run Backstory on the panel's tab at once. The entity list
 * waits for the tab's analysis (the analyser's injection alone is ~100 ms), and the app's own "open" came 100–150 ms
 * after the panel's navigation start (`npm run bench -- browser`). The app asks again once it has rendered; the
 * background joins the opening under way (entrypoints/background/analysis.ts). Its own entry, not part of the app's
 * bundle: as a module beside main.tsx, Vite merged the two and it ran only after the whole app had loaded.
 */
export default defineUnlistedScript(() => {
  void firstTargetTab(targetSpecOf(location.search))
    .then(({ tabId }) => (tabId === null ? undefined : send('tab/open', { tabId, force: false })))
    .catch(() => undefined);
});
