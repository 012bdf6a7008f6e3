/**
 * One school's row of the summary. Drawn with plain cells that look exactly like Mantine's (components/LightCells):
 * the department's first screen is this table, and on an old laptop Mantine's cells were most of its wait.
 */
import { memo } from 'react';
import { formatDate, formatPercent, daysAgo } from '../../../../common/format';
import { riskCategory } from '../../../../common/labels';
import { ATTENTION, levelShort } from '../../../../common/roster-labels';
import type { DashboardRow } from '../../../../preload/contract/index';
import { LightBadgeXs, LightGroup4, LightTd, LightText, LightTr } from '../../components/LightCells';

const DIMMED = 'var(--mantine-color-dimmed)';
const riskText = (r: DashboardRow) => riskCategory.codes.filter((c) => r.riskByCategory[c]).map((c) => `${riskCategory.labels[c]}: ${r.riskByCategory[c]}`).join('\n');
const bad = (on: boolean, why: string) => (on ? { className: 'cell-attention', 'data-attention': why, title: why } : {});

export const SummaryRow = memo(function SummaryRow({ r, visible, onOpen }: { r: DashboardRow; visible: (key: string) => boolean; onOpen: (id: string) => void }) {
  return (
    <LightTr className="row-click" onClick={() => onOpen(r.schoolId)} data-school-id={r.schoolId} data-testid="dashboard-row">
      {visible('name') && (
        <LightTd>
          <LightText size="sm" title={r.name} style={{ whiteSpace: r.label.length <= 24 ? 'nowrap' : undefined, fontWeight: 500 }}>{r.label}</LightText>
          <LightGroup4>
            {r.is_nor ? <LightBadgeXs color="orange" title="Школа с низкими образовательными результатами">НОР</LightBadgeXs> : null}
            {r.is_nsu ? <LightBadgeXs color="grape">НСУ</LightBadgeXs> : null}
            {r.partner_group_number ? <LightText size="xs" color={DIMMED}>{r.partner_group_number} группа</LightText> : null}
          </LightGroup4>
        </LightTd>
      )}
      {visible('qg') && <LightTd>{r.quality_group ?? '—'} <LightText span size="xs" color={DIMMED}>{levelShort(r.quality_level)}</LightText></LightTd>}
      {visible('age') && <LightTd {...bad(r.lastBundleAt === null || (r.bundleAgeDays ?? 0) > 45, r.lastBundleAt ? ATTENTION.bundleOld : ATTENTION.noBundle)}>{r.lastBundleAt ? <>{formatDate(r.lastBundleAt)}<LightText size="xs" color={DIMMED}>{daysAgo(r.bundleAgeDays ?? 0)}</LightText></> : 'не поступали'}</LightTd>}
      {visible('done') && <LightTd>{r.activitiesDone} из {r.activitiesTotal}</LightTd>}
      {visible('overdue') && <LightTd {...bad(r.activitiesOverdue > 0, ATTENTION.overdue)}>{r.activitiesOverdue}</LightTd>}
      {visible('decisions') && <LightTd {...bad(r.decisionsOverdue > 0, ATTENTION.decisions)}>{r.decisionsOverdue}</LightTd>}
      {visible('municipal') && <LightTd {...bad(r.municipalOverdue > 0, ATTENTION.municipal)} data-testid="municipal-overdue">{r.municipalOverdue}</LightTd>}
      {visible('mentor') && <LightTd {...bad(r.needMentor > r.withMentor, ATTENTION.mentors)}>{r.needMentor ? <>{r.withMentor} из {r.needMentor}<LightText size="xs" color={DIMMED}>{formatPercent(r.mentorShare)}</LightText></> : '—'}</LightTd>}
      {visible('trained') && <LightTd>{r.trainedThisYear}</LightTd>}
      {visible('risk') && (
        <LightTd>
          {/* The browser's own hint, not a Tooltip per row: 300 rows of floating popovers cost the first paint. */}
          <span title={r.riskTotal ? riskText(r) : undefined}>{r.riskTotal}</span>
        </LightTd>
      )}
      {visible('events') && <LightTd>{r.eventsThisTerm}</LightTd>}
      {visible('version') && <LightTd data-testid="app-version">{r.appVersion ?? '—'}{r.appOutdated && <LightText size="xs" color="var(--mantine-color-orange-8)">старше вашей</LightText>}</LightTd>}
    </LightTr>
  );
});
