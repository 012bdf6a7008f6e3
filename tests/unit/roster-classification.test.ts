import { describe, it, expect } from 'vitest';
import { makePair } from './exchange-fixtures.js';
import { rosterSchoolInput, partnerGroupInput, curatorInput } from '../../preload/contract/municipality.js';
import { saveRosterSchool, savePartnerGroup, saveCurator } from '../../main/services/municipality/roster.js';

describe('the roster travels down to the school', () => {
  it('cluster, quality group, partner group and curator set in the roster reach the school in its next bundle', () => {
    const pair = makePair({ demo: null });
    try {
      expect(pair.importToMuni(pair.exportSchool()).status).toBe('accepted'); // pins the school's key
      const group = savePartnerGroup(pair.muni.ctx, partnerGroupInput.parse({ number: 2, territory: 'Северная территория' }));
      const curator = saveCurator(pair.muni.ctx, curatorInput.parse({ full_name: 'Орлова Вера Николаевна', position: 'директор Зайковской СОШ № 1' }));
      saveRosterSchool(pair.muni.ctx, rosterSchoolInput.parse({
        id: pair.schoolId, name: 'МКОУ «Энская ООШ» (вымышленная)', cluster: 1, quality_group: 5, quality_level: 'below',
        partner_group_id: group.id, is_resource_centre: 1, curator_id: curator.id,
      }));
      for (const path of pair.exportMuni(pair.schoolId)) {
        const r = pair.importToSchool(path);
        expect(r.status).toBe('accepted');
      }
      const c = pair.school.ctx.raw.prepare('SELECT * FROM school_classification WHERE school_id = ? AND deleted_at IS NULL').get(pair.schoolId) as Record<string, string>;
      expect(c.cluster).toBe('1');
      expect(c.quality_group).toMatch(/^5 \(н\/с\)$/);
      expect(c.partner_group).toBe('2 группа (Северная территория), ресурсный центр');
      expect(c.curator).toBe('Орлова Вера Николаевна, директор Зайковской СОШ № 1');
    } finally {
      pair.close();
    }
  });
});
