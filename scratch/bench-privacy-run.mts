import { benchPrivacy } from '../scripts/bench-privacy.js';
console.log(JSON.stringify(await benchPrivacy()));
