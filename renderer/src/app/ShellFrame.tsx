/**
 * Mantine's AppShell (fixed header and navigation bar) and its NavLinks as the plain elements they render, with
 * their classes (the variables are in app.css, .opora-shell): the shell is on every first screen, and on an old
 * laptop its ≈ 60 Mantine components were a good part of the first draw. It looks and behaves the same.
 */
import type { ReactNode } from 'react';
import { AppShell, NavLink, UnstyledButton } from '@mantine/core';

const c = AppShell.classes;

export function ShellFrame({ header, navbar, children }: { header: ReactNode; navbar: ReactNode; children: ReactNode }) {
  return (
    <div className={`${c.root} mantine-AppShell-root opora-shell`} data-mode="fixed">
      {/* right-scroll-bar-position: a modal's scroll lock keeps the header where it is (as Mantine's header does). */}
      <header className={`${c.header} mantine-AppShell-header right-scroll-bar-position`} data-with-border="true" style={{ '--app-shell-header-z-index': 100 } as React.CSSProperties}>
        {header}
      </header>
      <nav className={`${c.navbar} mantine-AppShell-navbar`} data-with-border="true"
        style={{ '--app-shell-navbar-z-index': 'calc(100 + 1)', padding: 'var(--mantine-spacing-xs)' } as React.CSSProperties}>
        {navbar}
      </nav>
      <main className={`${c.main} mantine-AppShell-main`}>{children}</main>
    </div>
  );
}

const n = NavLink.classes;

/** <NavLink label leftSection active onClick>. */
export function ShellNavLink({ label, icon, active, onClick }: { label: string; icon: ReactNode; active: boolean; onClick: () => void }) {
  const on = active ? 'true' : undefined;
  return (
    <a className={`mantine-focus-auto ${n.root} mantine-NavLink-root ${UnstyledButton.classes.root} mantine-UnstyledButton-root`} data-active={on} onClick={onClick}>
      <span className={`${n.section} mantine-NavLink-section`} data-position="left">{icon}</span>
      <div className={`${n.body} mantine-NavLink-body`}>
        <span className={`${n.label} mantine-NavLink-label`}>{label}</span>
        <span className={`${n.description} mantine-NavLink-description`} data-active={on} />
      </div>
    </a>
  );
}
