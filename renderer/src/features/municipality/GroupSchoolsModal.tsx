/**
 * «Школы группы»: several schools put into a partner group at once, from the group itself, as seed 004
 * lists them; resource centres are chosen among them. A school in another group moves here (one group each).
 */
import { useState } from 'react';
import { Modal, MultiSelect, Stack, Text, Button } from '@mantine/core';
import type { PartnerGroupView } from '../../../../preload/contract/index';
import { call } from '../../app/api';
import { useCall } from '../../app/data';
import { useAction } from '../../app/useAction';
import { notifyOk } from '../../app/notify';
import { ModalFooter } from '../../components/ModalFooter';

export function GroupSchoolsModal({ group, onClose }: { group: PartnerGroupView; onClose: () => void }) {
  const roster = useCall('municipality.roster.list', {});
  const [schools, setSchools] = useState<string[]>(group.schools.map((s) => s.id));
  const [centres, setCentres] = useState<string[]>(group.schools.filter((s) => s.is_resource_centre).map((s) => s.id));
  const { busy, run } = useAction();
  const rows = roster.value ?? [];
  const options = rows.map((r) => ({
    value: r.id,
    label: r.partner_group_id && r.partner_group_id !== group.id ? `${r.name} (сейчас в ${r.partner_group_number ?? ''} группе)` : r.name,
  }));
  const save = () => run(async () => {
    const r = await call('municipality.groups.setSchools', { groupId: group.id, schoolIds: schools, resourceCentreIds: centres });
    notifyOk(r.changed ? `Состав группы сохранён (изменено школ: ${r.changed}).` : 'Состав группы не изменился.');
    onClose();
  });
  return (
    <Modal opened onClose={onClose} title={<Text fw={600}>Школы — {group.title || `${group.number} группа`}</Text>} size="lg">
      <Stack gap="sm">
        <MultiSelect label="Образовательные организации группы" data={options} value={schools} searchable clearable
          onChange={(v) => { setSchools(v); setCentres((c) => c.filter((x) => v.includes(x))); }}
          placeholder="Начните вводить название школы" nothingFoundMessage="Такой школы нет в реестре" data-testid="group-schools" comboboxProps={{ withinPortal: true, zIndex: 1000 }} />
        <MultiSelect label="Ресурсные центры группы" description="Выбираются среди школ группы" data={options.filter((o) => schools.includes(o.value))} value={centres}
          onChange={setCentres} clearable data-testid="group-centres" comboboxProps={{ withinPortal: true, zIndex: 1000 }} />
        <ModalFooter>
          <Button variant="default" onClick={onClose}>Отмена</Button>
          <Button loading={busy} onClick={() => void save()}>Сохранить</Button>
        </ModalFooter>
      </Stack>
    </Modal>
  );
}
