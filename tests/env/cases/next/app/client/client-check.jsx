'use client';
// A client component: the check runs in the browser after hydration.
import { useEffect, useState } from 'react';
import * as eb from 'elevate-billing';
import { checkAndReport } from '../../check.mjs';

export default function ClientCheck() {
  const [result, setResult] = useState(null);
  useEffect(() => {
    checkAndReport(eb).then(setResult);
  }, []);
  return <pre id="env-result">{result ? JSON.stringify(result) : 'checking…'}</pre>;
}
