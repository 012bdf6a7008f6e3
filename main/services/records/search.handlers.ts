/** search.*: one search across every list of the registry (search.ts). */
import { defineArea } from '../core/area-handlers.js';
import { searchAll } from './search.js';

export const searchHandlers = defineArea({
  'search.all': (env, input) => searchAll(env.ctx(), input.query),
});
