const eb = require('elevate-billing');
const { checkAndReport } = require('./check.cjs');

checkAndReport(eb);
