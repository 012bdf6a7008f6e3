/** What the open workspace is (for the header and the first-run screen), shared by workspace.* and exchange.*. */
import type { WorkspaceState } from '../../../preload/contract/index.js';
import type { HandlerEnv } from './context.js';
import { getRole, getSchoolProfile } from './school-profile.js';
import { municipalityInfo } from './municipality-profile.js';

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
