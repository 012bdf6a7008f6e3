/** fromMunicipality.*: the school's view of what its municipality sent down (services in from-municipality.ts). */
import { defineArea } from '../core/area-handlers.js';
import { fromMunicipality, markFromMunicipality } from './from-municipality.js';
import { municipalWork, markAssignment } from './from-municipality-work.js';

export const fromMunicipalityHandlers = defineArea({
  'fromMunicipality.get': (env) => fromMunicipality(env.ctx()),
  'fromMunicipality.mark': (env, input) => markFromMunicipality(env.ctx(), input),
  'fromMunicipality.work': (env) => municipalWork(env.ctx()),
  'fromMunicipality.markAssignment': (env, input) => markAssignment(env.ctx(), input),
});
