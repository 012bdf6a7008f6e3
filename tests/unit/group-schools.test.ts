/** Several schools put into a partner group from the group itself (seed 004), resource centres among them. */
import { describe, it, expect } from 'vitest';
import { testWorkspace } from '../helpers.js';

describe('partner group schools from the group', () => {
  it('joins, moves from another group, leaves, and marks resource centres', async () => {
    const t = testWorkspace();
    await t.ok('exchange.initMunicipality', { name: 'Управление образования Ирбитского МО' });
    const names = ['МОУ «Зайковская СОШ № 1»', 'МОУ «Знаменская СОШ»', 'МОУ «Ключевская СОШ»', 'МОУ «Пьянковская ООШ»'];
    const ids: string[] = [];
    for (const name of names) ids.push((await t.ok('municipality.roster.save', { name })).id);
    const g1 = (await t.ok('municipality.groups.save', { number: 1 })).id as string;
    const g2 = (await t.ok('municipality.groups.save', { number: 2 })).id as string;
    expect(await t.ok('municipality.groups.setSchools', { groupId: g1, schoolIds: ids.slice(0, 3), resourceCentreIds: [ids[0]!] })).toEqual({ changed: 3 });
    let groups = await t.ok('municipality.groups.list', {});
    expect(groups.find((g) => g.id === g1)!.schools.map((s) => [s.name, s.is_resource_centre])).toEqual([
      [names[0], 1], [names[1], 0], [names[2], 0],
    ]);
    // Group 2 takes the third school and the fourth: the third leaves group 1.
    await t.ok('municipality.groups.setSchools', { groupId: g2, schoolIds: [ids[2]!, ids[3]!], resourceCentreIds: [ids[3]!] });
    groups = await t.ok('municipality.groups.list', {});
    expect(groups.find((g) => g.id === g1)!.schools.map((s) => s.name)).toEqual([names[0], names[1]]);
    expect(groups.find((g) => g.id === g2)!.schools.map((s) => s.name)).toEqual([names[3], names[2]]);
    // Leaving: the second school is no longer listed in group 1.
    await t.ok('municipality.groups.setSchools', { groupId: g1, schoolIds: [ids[0]!], resourceCentreIds: [] });
    const roster = await t.ok('municipality.roster.list', {});
    expect(roster.find((r) => r.id === ids[1])!.partner_group_id).toBeNull();
    expect(roster.find((r) => r.id === ids[0])!.is_resource_centre).toBe(0);
    const bad = await t.call('municipality.groups.setSchools', { groupId: g1, schoolIds: ['11111111-1111-4111-8111-111111111111'], resourceCentreIds: [] });
    expect(bad.ok).toBe(false);
  });
});
