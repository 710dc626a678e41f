import { render } from 'preact';
import { openWebTab } from '../../components/shared/openWebTab';
import { downloadBlob } from '../../components/library/download';
import { LibraryApp } from '../../components/library/LibraryApp';
import { PrivateLibraryNotice } from '../../components/library/PrivateLibraryNotice';
import { pageDb } from '../../components/shared/pageDb';
import { pageSharesDatabase } from '../../components/platform/browserDifferences';

render(
  pageSharesDatabase() ? (
    <LibraryApp db={pageDb()} openUrl={(url) => void openWebTab(url)} download={(blob, name) => downloadBlob(document, blob, name)} />
  ) : (
    <PrivateLibraryNotice />
  ),
  document.getElementById('app')!,
);
