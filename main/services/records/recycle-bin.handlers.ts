/** recycleBin.*: the list of deletions and «Восстановить» (services in recycle-bin.ts), for both roles. */
import { defineArea } from '../core/area-handlers.js';
import { listDeletions, restoreDeletion } from '../core/recycle-bin.js';

export const recycleBinHandlers = defineArea({
  'recycleBin.list': (env) => listDeletions(env.ctx()),
  'recycleBin.restore': (env, input) => restoreDeletion(env.ctx(), input.id),
});
