/**
 * Every page is its own script, fetched when it is first opened: the first screen of an old laptop waits only
 * for the shell and the page it shows, not for every form, chart and dialog of the app. `preloadPages` fetches
 * the rest of a role's pages a few seconds after the first screen is up, so a click later does not wait for the network.
 */
import { createElement, lazy, useState, type ComponentType } from 'react';

const load = {
  dashboard: () => import('../features/dashboard/DashboardPage'),
  programme: () => import('../features/programme/ProgrammePage'),
  mentoring: () => import('../features/mentoring/MentoringPage'),
  risk: () => import('../features/risk-group/RiskGroupPage'),
  events: () => import('../features/events/EventsPage'),
  profile: () => import('../features/first-run/SchoolProfilePage'),
  exchange: () => import('../features/exchange/ExchangePage'),
  reports: () => import('../features/reports/ReportsPage'),
  schools: () => import('../features/municipality/MunicipalityPage'),
  municipal: () => import('../features/from-municipality/FromMunicipalityPage'),
  settings: () => import('../features/settings/SettingsPage'),
  bin: () => import('../features/recycle-bin/RecycleBinPage'),
  help: () => import('../features/help/HelpPage'),
  firstRun: () => import('../features/first-run/FirstRun'),
  workspaces: () => import('../features/settings/WorkspacesPanel'),
  backups: () => import('../features/settings/BackupsPanel'),
};

type FirstPage = 'dashboard' | 'schools';
const firstPages: { [K in FirstPage]?: Awaited<ReturnType<(typeof load)[K]>> } = {};

/** The first screen's page, fetched beside its data (boot.ts); once its script is in, it is drawn at once. */
export function preloadFirstPage(key: FirstPage): Promise<void> {
  return load[key]().then((m) => { (firstPages as Record<string, unknown>)[key] = m; }, () => {});
}

/** A lazy page that skips the round of «loading» when boot.ts has its script in already. */
function firstPage<K extends FirstPage, P extends object>(key: K, pick: (m: NonNullable<(typeof firstPages)[K]>) => ComponentType<P>) {
  const Lazy = lazy(() => load[key]().then((m) => ({ default: pick(m as NonNullable<(typeof firstPages)[K]>) })));
  return function Page(props: P) {
    // Chosen once per mount: switching from the lazy one to the loaded one later would mount the page anew, and
    // its lists would ask main again for what they already have.
    const [C] = useState(() => { const m = firstPages[key]; return (m ? pick(m) : Lazy) as ComponentType<P>; });
    return createElement(C, props);
  };
}

export const DashboardPage = firstPage('dashboard', (m) => m.DashboardPage);
export const ProgrammePage = lazy(() => load.programme().then((m) => ({ default: m.ProgrammePage })));
export const MentoringPage = lazy(() => load.mentoring().then((m) => ({ default: m.MentoringPage })));
export const RiskGroupPage = lazy(() => load.risk().then((m) => ({ default: m.RiskGroupPage })));
export const EventsPage = lazy(() => load.events().then((m) => ({ default: m.EventsPage })));
export const SchoolProfilePage = lazy(() => load.profile().then((m) => ({ default: m.SchoolProfilePage })));
export const ExchangePage = lazy(() => load.exchange().then((m) => ({ default: m.ExchangePage })));
export const ReportsPage = lazy(() => load.reports().then((m) => ({ default: m.ReportsPage })));
export const MunicipalityPage = firstPage('schools', (m) => m.MunicipalityPage);
export const FromMunicipalityPage = lazy(() => load.municipal().then((m) => ({ default: m.FromMunicipalityPage })));
export const SettingsPage = lazy(() => load.settings().then((m) => ({ default: m.SettingsPage })));
export const RecycleBinPage = lazy(() => load.bin().then((m) => ({ default: m.RecycleBinPage })));
export const HelpPage = lazy(() => load.help().then((m) => ({ default: m.HelpPage })));
export const FirstRun = lazy(() => load.firstRun().then((m) => ({ default: m.FirstRun })));
export const WorkspacesPanel = lazy(() => load.workspaces().then((m) => ({ default: m.WorkspacesPanel })));
export const OtherWorkspaces = lazy(() => load.workspaces().then((m) => ({ default: m.OtherWorkspaces })));
export const BackupsPanel = lazy(() => load.backups().then((m) => ({ default: m.BackupsPanel })));

/** Fetches the given pages' scripts one after another, in the browser's idle time, without showing anything. */
export function preloadPages(keys: string[]): () => void {
  let stopped = false;
  const queue = keys.filter((k): k is keyof typeof load => k in load);
  // Each script is parsed when it arrives, in one go: only when nothing else waits, never during the first screen.
  const idle = (f: () => void) => ('requestIdleCallback' in window ? window.requestIdleCallback(f) : setTimeout(f, 500));
  const next = () => {
    const k = queue.shift();
    if (stopped || !k) return;
    // A page that fails to load now is loaded (and its error shown) when it is opened.
    load[k]().catch(() => {}).finally(() => idle(next));
  };
  const start = setTimeout(() => idle(next), 5000);
  return () => { stopped = true; clearTimeout(start); };
}
