/** «Удалить …?» with what else goes with the record; deletes through records.remove and reloads every list. */
import { useEffect, useState } from 'react';
import { Text, Loader } from '@mantine/core';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { call } from '../../app/api';
import { useDataVersion } from '../../app/data';
import { notifyError, notifyOk } from '../../app/notify';
import type { EntityName, Row } from '../../../../preload/contract/index';
import { count } from '../../../../common/format';
import { NOUNS } from './fields';

export interface DeleteTarget {
  entity: EntityName;
  row: Row;
  /** What the user sees: «наставническую пару Иванова → Петрова». */
  what: string;
}

/** Lists what is removed together with a record (a staff member's pairs, deficits, courses, plans). */
export async function dependents(entity: EntityName, id: string): Promise<string[]> {
  const total = async (e: EntityName, filters: Record<string, string>) => (await call('records.list', { entity: e, filters, limit: 1 })).total;
  if (entity === 'staff') {
    const [pairs, deficits, courses, plans] = await Promise.all([
      total('mentoring_pair', { staff_id: id }),
      total('staff_deficit', { staff_id: id }),
      total('course', { staff_id: id }),
      total('development_plan', { staff_id: id }),
    ]);
    return [
      pairs && count(pairs, NOUNS.pair),
      deficits && `${count(deficits, NOUNS.deficit)} педагога`,
      courses && `${count(courses, NOUNS.course)} КПК`,
      plans && count(plans, NOUNS.plan),
    ].filter((x): x is string => !!x);
  }
  if (entity === 'deficit') {
    const n = await total('staff_deficit', { deficit_id: id });
    return n ? [`${count(n, ['отметка', 'отметки', 'отметок'])} об этом дефиците у педагогов`] : [];
  }
  return [];
}

export function ConfirmDelete(props: { target: DeleteTarget | null; onCancel: () => void; onDeleted: () => void }) {
  const { bump } = useDataVersion();
  const [deps, setDeps] = useState<string[] | null>(null);
  const t = props.target;
  useEffect(() => {
    setDeps(null);
    if (!t) return;
    let live = true;
    dependents(t.entity, t.row.id).then((d) => live && setDeps(d), () => live && setDeps([]));
    return () => { live = false; };
  }, [t]);
  const remove = async () => {
    if (!t) return;
    try {
      await call('records.remove', { entity: t.entity, id: t.row.id });
      bump();
      notifyOk('Удалено');
      props.onDeleted();
    } catch (e) {
      notifyError(e);
    }
  };
  return (
    <ConfirmDialog opened={!!t} title="Удалить запись?" onClose={props.onCancel} onConfirm={remove} disabled={deps === null}>
      {t && (
        <>
          <Text>Удалить {t.what}?</Text>
          {deps === null && <Loader size="xs" />}
          {deps && deps.length > 0 && (
            <Text c="red.8" data-testid="delete-dependents">Вместе с этой записью будут удалены: {deps.join(', ')}.</Text>
          )}
          <Text size="sm" c="dimmed">Отменить удаление будет нельзя.</Text>
        </>
      )}
    </ConfirmDialog>
  );
}
