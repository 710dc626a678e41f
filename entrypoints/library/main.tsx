import { render } from 'preact';
import { browser } from 'wxt/browser';
import { downloadBlob } from '../../components/library/download';
import { pageDb } from '../../components/shared/pageDb';
import { App } from './App';
import './style.css';

render(
  <App db={pageDb()} openUrl={(url) => void browser.tabs.create({ url })} download={(blob, name) => downloadBlob(document, blob, name)} />,
  document.getElementById('app')!,
);
