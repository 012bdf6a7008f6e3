/** onboarding.*: a school's programme from Word and its staff and pupil lists from Excel or CSV. */
import { defineArea } from '../../core/area-handlers.js';
import { previewProgramme, applyProgramme } from './programme-import.js';
import { previewList, applyList } from './list-import.js';

export const onboardingHandlers = defineArea({
  'onboarding.programmePreview': (env, i) => previewProgramme(env.ctx(), i.fileName, i.dataBase64),
  'onboarding.programmeApply': (env, i) => applyProgramme(env.ctx(), i.fileName, i.dataBase64, i.choices),
  'onboarding.listPreview': (env, i) => previewList(env.ctx(), i.kind, i.fileName, i.dataBase64, i.mapping),
  'onboarding.listApply': (env, i) => applyList(env.ctx(), i.kind, i.fileName, i.dataBase64, i.mapping),
});
