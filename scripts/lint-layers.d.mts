/** Types of lint-layers.mjs, for the test that runs it over a fixture tree. */
export interface LayerViolation {
  from: string;
  /** The imported file (for a cycle: the way back to `from`). */
  to: string;
  rule: string;
  /** The rule in words: its `comment` in the config. */
  why: string;
}

export interface LayerCheck {
  violations: LayerViolation[];
  /** Files of the tree that were cruised (npm packages and Node built-ins not counted). */
  modules: number;
}

export const CONFIG_FILE: string;
export const LAYER_DIRS: string[];
export function checkLayers(root?: string): Promise<LayerCheck>;
export function formatViolation(v: LayerViolation): string;
