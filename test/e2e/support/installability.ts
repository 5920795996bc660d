// Chrome's own installability check (Lighthouse 12 dropped its PWA category), through the DevTools protocol.
import type { Page } from 'playwright-core';

export interface InstallabilityError {
  errorId: string;
  errorArguments: Array<{ name: string; value: string }>;
}

/**
 * What would stop Chrome offering to install the page, e.g. "manifest-missing-suitable-icon"; [] when installable.
 * Call it after the page has loaded: before the manifest is fetched Chrome reports "no-manifest".
 */
export async function installabilityErrors(page: Page): Promise<InstallabilityError[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: InstallabilityError[];
    };
    return installabilityErrors;
  } finally {
    await cdp.detach();
  }
}

export function formatInstallability(errors: InstallabilityError[]): string {
  return errors.map((e) => `${e.errorId} ${e.errorArguments.map((a) => `${a.name}=${a.value}`).join(' ')}`).join('\n');
}
