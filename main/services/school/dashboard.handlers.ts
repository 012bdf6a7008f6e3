/** dashboard.*: the school's front page (service in dashboard.ts). */
import { defineArea } from '../core/area-handlers.js';
import { schoolDashboard } from './dashboard.js';

export const dashboardHandlers = defineArea({
  'dashboard.school': (env, input) => schoolDashboard(env.ctx(), input.today),
});
