import { render } from 'preact';
// crxjs resolves `?script` to the picker's output file, built as a self-contained IIFE (*.iife.ts).
import pickerScript from '../../content/picker.iife.ts?script';
import { Popup } from './Popup.tsx';

render(<Popup pickerScript={pickerScript} />, document.getElementById('app')!);
