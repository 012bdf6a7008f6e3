/**
 * The first screen draws some Mantine components as plain elements with Mantine's own class names (LightRing,
 * LightKit, ShellFrame, LightCells): after a Mantine upgrade a renamed class would silently drop its style. Every
 * such name written in the renderer must still be in the installed Mantine's style sheet.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : /\.(tsx?|css)$/.test(e.name) ? [join(dir, e.name)] : []));
}

describe('Mantine class names written by hand', () => {
  it('each one is in the installed @mantine/core styles', () => {
    const css = readFileSync('node_modules/@mantine/core/styles.css', 'utf8');
    const used = new Map<string, string>();
    for (const f of sources('renderer/src')) for (const m of readFileSync(f, 'utf8').matchAll(/\bm_[0-9a-f]{8}\b/g)) used.set(m[0], f);
    expect(used.size).toBeGreaterThan(3);
    const missing = [...used].filter(([c]) => !css.includes(`.${c}`)).map(([c, f]) => `${c} (${f})`);
    expect(missing).toEqual([]);
  });
});
