// Mounts the page with a client of the API named by ./config.json ({ baseUrl, token }): the
// test serves one pointing at the package's mock (elevate-billing/mock).
import { createRoot } from 'react-dom/client';
import { ElevateClient } from 'elevate-billing';
import { AddSite } from './AddSite';

const config = await (await fetch('./config.json')).json();
const client = new ElevateClient({ baseUrl: config.baseUrl, token: config.token });
createRoot(document.getElementById('root')!).render(<AddSite client={client} />);
