/** riskGroup.* and gifted.*: pupils on the risk-group page (services in risk-group.ts and gifted.ts). */
import { defineArea } from '../core/area-handlers.js';
import { includePupil, changeStatus, riskGroupSummary } from './risk-group.js';
import { includeGifted } from './gifted.js';

export const riskGroupHandlers = defineArea({
  'riskGroup.include': (env, input) => includePupil(env.ctx(), input.pupil, input.entry),
  'riskGroup.changeStatus': (env, input) => changeStatus(env.ctx(), input),
  'riskGroup.summary': (env) => riskGroupSummary(env.ctx()),
  'gifted.include': (env, input) => includeGifted(env.ctx(), input.pupil, input.gifted),
});
