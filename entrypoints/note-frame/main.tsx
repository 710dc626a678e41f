import { render } from 'preact';
import { NoteFrame } from '../../components/toolbar/NoteFrame';

// The note editor, framed into the page by the analyser: an extension page, so the page can read none of it.
render(<NoteFrame />, document.getElementById('app')!);
