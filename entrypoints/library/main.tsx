import { render } from 'preact';
import { browser } from 'wxt/browser';
import { BackstoryDB } from '../../utils/db/schema';
import { downloadBlob } from '../../components/library/download';
import { App } from './App';
import './style.css';

const db = new BackstoryDB();
render(
  <App db={db} openUrl={(url) => void browser.tabs.create({ url })} download={(blob, name) => downloadBlob(document, blob, name)} />,
  document.getElementById('app')!,
);
