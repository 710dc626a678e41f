import { render } from 'preact';
import '../../components/shared/theme.css';
import '../../components/sidepanel/panel.css';
import '../../components/reader/reader.css';
import { ReaderApp } from '../../components/reader/ReaderApp';
import { isUuid } from '../../utils/library/stableId';

// reader.html?article=<article id>[#highlight=<highlight id>]
const params = new URLSearchParams(location.search);
const articleId = params.get('article');
const focus = new URLSearchParams(location.hash.slice(1)).get('highlight');
const app = document.getElementById('app')!;
if (articleId && isUuid(articleId)) {
  render(<ReaderApp articleId={articleId} focusHighlight={focus && isUuid(focus) ? focus : null} />, app);
} else {
  render(<p class="reader-status">No article named. Open a copy from your library.</p>, app);
}
