/** workspace.*: what the open file is, first run of a school, and the demo school in a file of its own. */
import { defineArea } from '../core/area-handlers.js';
import { createSchool } from '../core/school-profile.js';
import { generateDemo } from './demo.js';
import { workspaceState, leaveDemo } from '../core/workspace-state.js';

export const workspaceHandlers = defineArea({
  'workspace.state': (env) => workspaceState(env),
  'workspace.createSchool': async (env, input) => {
    await leaveDemo(env);
    createSchool(env.ctx(), input);
    return workspaceState(env);
  },
  'workspace.openDemo': async (env, input) => {
    const ctx = await env.switchTo('demo', { fresh: true });
    generateDemo(ctx, { size: input.size, seed: 1 });
    return workspaceState(env);
  },
  'workspace.leaveDemo': async (env) => {
    await env.switchTo('main');
    return workspaceState(env);
  },
});
