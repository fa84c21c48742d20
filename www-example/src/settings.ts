// The settings panel and the API client built from it. The base URL and token come from
// /config.json when `npm run demo` serves the page (its local mock server), else default to a
// mock on 127.0.0.1:4010; the user can point the page at a real Elevate server. The token
// lives only in this module and in a masked input: never in the page text, storage or logs.

import { ElevateClient, ElevateTokenError } from 'elevate-billing';
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

/** A labelled settings input with a hint and a message element. */
function setting(input: HTMLInputElement, label: string, hint: string): HTMLElement {
  input.setAttribute('aria-describedby', `${input.id}-hint`);
  return h(
    'div',
    { class: 'field' },
    h('label', { for: input.id }, label),
    input,
    h('small', { id: `${input.id}-hint`, class: 'hint' }, hint),
    h('p', { id: `${input.id}-msg`, class: 'msg' }),
  );
}

/** Shows `problem` by `input` (or clears it), with its ARIA state. */
function flag(input: HTMLInputElement, problem: string): void {
  byId(`${input.id}-msg`).textContent = problem;
  if (problem) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
  input.setAttribute('aria-describedby', `${input.id}-hint${problem ? ` ${input.id}-msg` : ''}`);
}

export function setupSettings(config: Config): void {
  const panel = byId<HTMLDetailsElement>('settings');
  const baseUrl = h('input', { id: 'set-base-url', type: 'text', inputmode: 'url', autocomplete: 'off', spellcheck: 'false' });
  const token = h('input', { id: 'set-token', type: 'password', autocomplete: 'off' });
  const form = h(
    'form',
    { id: 'settings-form' },
    setting(baseUrl, 'API base URL', 'e.g. https://rest.elevatebilling.com'),
    setting(token, 'API token', 'Sent as a bearer token; kept in memory only.'),
    h('button', { type: 'submit' }, 'Apply'),
  );
  panel.append(form);
  baseUrl.value = config.baseUrl;
  token.value = config.token;
  const status = byId('connection');

  /** Makes the client; on failure, says which setting is at fault and returns that input. */
  const apply = (): HTMLInputElement | null => {
    flag(baseUrl, '');
    flag(token, '');
    try {
      client = new ElevateClient({ baseUrl: baseUrl.value.trim(), token: token.value });
    } catch (e) {
      client = null;
      const culprit = e instanceof ElevateTokenError ? token : baseUrl;
      flag(culprit, e instanceof Error ? e.message : String(e));
      status.textContent = `Not connected: fix the ${culprit === token ? 'API token' : 'API base URL'} in Settings.`;
      return culprit;
    }
    const mock = config.mock && baseUrl.value.trim() === config.baseUrl;
    status.textContent = `API: ${baseUrl.value.trim()}${mock ? ' (local mock server)' : ''}`;
    return null;
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const culprit = apply();
    if (culprit) return culprit.focus();
    panel.open = false;
    for (const listener of listeners) listener();
  });
  if (apply()) panel.open = true;
}
