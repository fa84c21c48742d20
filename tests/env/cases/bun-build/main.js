import * as eb from 'elevate-billing';
import { checkAndReport } from './check.mjs';

checkAndReport(eb);
