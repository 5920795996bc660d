import { render } from 'preact';
import { Popup } from './Popup.tsx';

render(<Popup />, document.getElementById('app')!);
