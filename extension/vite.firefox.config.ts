// The Firefox build into dist/extension-firefox: `npm run build:firefox`. What differs from the Chrome build is in
// manifestFor (manifest.config.ts) and docs/firefox.md.
import { extensionConfig } from './vite.config.ts';

export default extensionConfig('firefox');
