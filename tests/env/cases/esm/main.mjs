import * as eb from 'elevate-billing';
import { checkAndReport } from './check.mjs';

await checkAndReport(eb);
