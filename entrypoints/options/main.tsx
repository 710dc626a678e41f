import { render } from 'preact';
import '../../components/shared/theme.css';
import { OptionsApp } from '../../components/options/OptionsApp';

render(<OptionsApp />, document.getElementById('app')!);
