// The portal's entry: wait for the WebAssembly module, read the settings, build the two pages
// and show the one the URL's hash names (#onboard, #sites).

import { ready } from 'elevate-billing';
import { byId } from './dom';
import { setupOnboarding } from './onboarding';
import { loadConfig, onSettingsChange, setupSettings } from './settings';
import { setupSites } from './sites';
import './style.css';

const PAGES = ['onboard', 'sites'];

async function main(): Promise<void> {
  await ready;
  setupSettings(await loadConfig());
  const sites = setupSites();
  setupOnboarding(sites.reload);
  onSettingsChange(sites.reload);

  const route = () => {
    const current = PAGES.includes(location.hash.slice(1)) ? location.hash.slice(1) : PAGES[0];
    for (const name of PAGES) byId(name).hidden = name !== current;
    for (const link of document.querySelectorAll<HTMLAnchorElement>('nav a')) {
      if (link.hash === `#${current}`) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
    if (current === 'sites') sites.show();
  };
  window.addEventListener('hashchange', route);
  route();
  document.body.dataset.ready = 'true';
}

main().catch((e: unknown) => {
  const fatal = byId('fatal');
  fatal.textContent = `The page could not start: ${e instanceof Error ? e.message : String(e)}`;
  fatal.hidden = false;
});
