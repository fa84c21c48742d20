import ClientCheck from './client-check.jsx';

export default function Page() {
  return <ClientCheck />;
}
