// The settings panel and the API client built from it. The base URL and token come from
// /config.json when `npm run demo` serves the page (its local mock server), else default to a
// mock on 127.0.0.1:4010; the user can point the page at a real Elevate server. The token
// lives only in this module and in a masked input: never in the page text, storage or logs.

import { ElevateClient } from 'elevate-billing';
import { byId, h } from './dom';

export interface Config {
  baseUrl: string;
  token: string;
  /** True when baseUrl is the demo's mock server. */
  mock: boolean;
}

const DEFAULTS: Config = { baseUrl: 'http://127.0.0.1:4010', token: '', mock: true };

export async function loadConfig(): Promise<Config> {
  try {
    const res = await fetch('config.json', { cache: 'no-store' });
    if (res.ok) return { ...DEFAULTS, ...((await res.json()) as Partial<Config>) };
  } catch {
    // No config.json (e.g. `npx vite www-example`): the defaults apply.
  }
  return DEFAULTS;
}

let client: ElevateClient | null = null;
const listeners: Array<() => void> = [];

/** The client of the current settings (throws the constructor's TypeError if they are unusable). */
export function getClient(): ElevateClient {
  if (!client) throw new Error('The API settings are not usable yet: fix them in Settings.');
  return client;
}

/** Called after the settings change, e.g. to reload a list. */
export function onSettingsChange(listener: () => void): void {
  listeners.push(listener);
}

export function setupSettings(config: Config): void {
  const panel = byId<HTMLDetailsElement>('settings');
  const baseUrl = h('input', { id: 'set-base-url', type: 'text', inputmode: 'url', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': 'set-base-url-msg' });
  const token = h('input', { id: 'set-token', type: 'password', autocomplete: 'off', 'aria-describedby': 'set-token-hint' });
  const message = h('p', { id: 'set-base-url-msg', class: 'msg' });
  const form = h(
    'form',
    { id: 'settings-form' },
    h('div', { class: 'field' }, h('label', { for: baseUrl.id }, 'API base URL'), baseUrl, message),
    h(
      'div',
      { class: 'field' },
      h('label', { for: token.id }, 'API token'),
      token,
      h('small', { id: 'set-token-hint', class: 'hint' }, 'Sent as a bearer token; kept in memory only.'),
    ),
    h('button', { type: 'submit' }, 'Apply'),
  );
  panel.append(form);
  baseUrl.value = config.baseUrl;
  token.value = config.token;
  const status = byId('connection');

  const apply = (): boolean => {
    try {
      client = new ElevateClient({ baseUrl: baseUrl.value.trim(), token: token.value });
    } catch (e) {
      client = null;
      message.textContent = e instanceof Error ? e.message : String(e);
      baseUrl.setAttribute('aria-invalid', 'true');
      status.textContent = 'Not connected: fix the API base URL in Settings.';
      return false;
    }
    message.textContent = '';
    baseUrl.removeAttribute('aria-invalid');
    const mock = config.mock && baseUrl.value.trim() === config.baseUrl;
    status.textContent = `API: ${baseUrl.value.trim()}${mock ? ' (local mock server)' : ''}`;
    return true;
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (apply()) {
      panel.open = false;
      for (const listener of listeners) listener();
    } else {
      baseUrl.focus();
    }
  });
  if (!apply()) panel.open = true;
}
