import { render } from 'preact';
import { browser } from 'wxt/browser';
import { downloadBlob } from '../../components/library/download';
import { PrivateLibraryNotice } from '../../components/library/PrivateLibraryNotice';
import { pageDb } from '../../components/shared/pageDb';
import { pageSharesDatabase } from '../../utils/platform/browserDifferences';
import { App } from './App';
import './style.css';

render(
  pageSharesDatabase() ? (
    <App db={pageDb()} openUrl={(url) => void browser.tabs.create({ url })} download={(blob, name) => downloadBlob(document, blob, name)} />
  ) : (
    <PrivateLibraryNotice />
  ),
  document.getElementById('app')!,
);
