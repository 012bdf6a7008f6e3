/** workspace.*: what the open file is, first run of a school, and the demo school in a file of its own. */
import type { WorkspaceState } from '../../preload/contract/index.js';
import type { HandlerEnv } from './context.js';
import { defineArea } from './area-handlers.js';
import { createSchool, getRole, getSchoolProfile } from './school.js';
import { municipalityInfo } from './municipality-core.js';
import { generateDemo } from './demo.js';

export function workspaceState(env: HandlerEnv): WorkspaceState {
  const ctx = env.ctx();
  const role = getRole(ctx);
  // A municipality's file holds merged school profiles too; its own name is what the header shows.
  return {
    role, demo: env.kind === 'demo', dataPath: env.dbPath(env.kind),
    school: role === 'school' ? getSchoolProfile(ctx) : null,
    municipalityName: municipalityInfo(ctx)?.name ?? null,
  };
}

/** First run happens in the user's own file: leaving the demo first keeps fictional data out of it. */
export async function leaveDemo(env: HandlerEnv): Promise<void> {
  if (env.kind === 'demo') await env.switchTo('main');
}

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
