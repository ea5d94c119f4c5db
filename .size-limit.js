// `npm run size` (run by `npm test` after the build): each file a page can download from dist/ against its budget,
// in gzip -9 bytes. The files and the budgets are defined once, in test/bench/sizes.js, which the bench also uses.
import { sizeLimitChecks } from './test/bench/sizes.js';

export default sizeLimitChecks();
