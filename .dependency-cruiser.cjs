/**
 * Layer rules (`npm run lint`). Imports go only downward:
 *   renderer → preload/contract → common;  main/shell → main/handlers → main/services → db → common.
 * Each rule's `comment` is the sentence printed next to a violation, so it says the rule in words.
 * Type-only imports count too: a type import still ties a layer to another's shape.
 */
const LAYERS_ABOVE_SERVICES = [
  '^main/handlers\\.ts$',
  '^main/workspace\\.ts$',
  '^main/shell/',
  '^main/web-host\\.ts$',
  '^main/web\\.ts$',
  '^main/cli\\.ts$',
  '^main/cli/',
];
// Resolved into node_modules when installed; left bare when it cannot be resolved (e.g. in a fixture tree).
const ELECTRON = '^electron$|(^|/)node_modules/electron/';

/**
 * main/services/ is grouped by area, as renderer/src/features/ is; each area's handlers sit beside its services.
 * An area may use the areas listed for it and no other, so the areas stay a ladder: core at the bottom, the
 * documents at the top. Changing this table is changing the architecture: say why in the README.
 */
const AREAS = {
  core: { may: [], what: 'the base (the one writer, context, clock, errors, meta, file paths, the workspace\'s role)' },
  privacy: { may: ['core'], what: 'children\'s data: the vault, the name check, consent, erasure' },
  backup: { may: ['core', 'privacy'], what: 'copies and restore' },
  update: { may: ['core'], what: 'updates from a flash drive' },
  records: { may: ['core', 'privacy'], what: 'lists, cards, search and the recycle bin over every table' },
  exchange: { may: ['core', 'privacy', 'backup'], what: 'bundles, keys, enrollment, merge' },
  school: { may: ['core', 'privacy', 'exchange', 'records'], what: 'the school\'s programme, risk group, events, files, home page, onboarding' },
  municipality: { may: ['core', 'privacy', 'exchange', 'school', 'records'], what: 'the department\'s roster, meetings, roadmap, documents' },
  reports: { may: ['core', 'privacy', 'exchange', 'school', 'municipality', 'records'], what: 'справки, приказы, tables' },
};
const AREA_RULES = [
  {
    name: 'services-in-areas',
    comment: 'every file of main/services/ lives in an area folder (core/, school/, municipality/, exchange/, reports/, privacy/, backup/, records/, update/)',
    severity: 'error',
    from: { path: '^main/services/[^/]+$' },
    to: {},
  },
  {
    // A file left loose with no imports of its own is still caught by whoever imports it.
    name: 'services-in-areas',
    comment: 'every file of main/services/ lives in an area folder (core/, school/, municipality/, exchange/, reports/, privacy/, backup/, records/, update/)',
    severity: 'error',
    from: {},
    to: { path: '^main/services/[^/]+$' },
  },
  ...Object.entries(AREAS).map(([area, { may, what }]) => {
    const others = Object.keys(AREAS).filter((a) => a !== area && !may.includes(a));
    return {
      name: `area-${area}`,
      comment: `main/services/${area}/ (${what}) uses only ${may.length ? may.map((a) => `${a}/`).join(', ') : 'itself'} of the other areas`,
      severity: 'error',
      from: { path: `^main/services/${area}/` },
      to: {
        path: `^main/services/(${others.join('|')})/`,
        // The one writer seals personal fields and rewrites a name erased from texts as it writes (privacy's vault
        // and names); the handlers' context names the types of what it hands over. Nothing else in core looks up.
        ...(area === 'core' ? { pathNot: '^main/services/privacy/(vault\\.ts|names/)', dependencyTypesNot: ['type-only'] } : {}),
      },
    };
  }),
];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'electron-only-in-shell',
      comment: 'only main/shell/ and preload/index.ts may import electron',
      severity: 'error',
      from: { pathNot: ['^main/shell/', '^preload/index\\.ts$'] },
      to: { path: ELECTRON },
    },
    {
      name: 'services-not-above',
      comment: 'main/services/ never imports handlers, workspace, the shell, the web host or the CLI (they sit above it)',
      severity: 'error',
      from: { path: '^main/services/' },
      to: { path: LAYERS_ABOVE_SERVICES },
    },
    ...AREA_RULES,
    {
      name: 'no-cycles-in-services',
      comment: 'main/services/ has no circular imports',
      severity: 'error',
      from: { path: '^main/services/' },
      // A loop through a file above services is already `services-not-above`; this one is about services alone.
      to: { circular: true, viaOnly: { path: '^main/services/' } },
    },
    {
      name: 'main-not-renderer',
      comment: 'main/ never imports the renderer',
      severity: 'error',
      from: { path: '^main/' },
      to: { path: '^renderer/' },
    },
    {
      name: 'db-not-above',
      comment: 'db/ imports nothing above it (no main/, preload/, renderer/); only its own files, common/ and npm packages',
      severity: 'error',
      from: { path: '^db/' },
      to: { path: ['^main/', '^preload/', '^renderer/'] },
    },
    {
      name: 'common-no-layer',
      comment: 'common/ is pure and imports no layer (no main/, preload/, renderer/, db/)',
      severity: 'error',
      from: { path: '^common/' },
      to: { path: ['^main/', '^preload/', '^renderer/', '^db/'] },
    },
    {
      name: 'contract-no-process',
      comment: 'preload/contract/ is shared by both processes and imports neither (no main/, renderer/)',
      severity: 'error',
      from: { path: '^preload/contract/' },
      to: { path: ['^main/', '^renderer/'] },
    },
    {
      name: 'registry-plain-data',
      comment: 'db/registry/ and db/rules.ts are plain data and text that forms reach too: no npm packages, no Node modules',
      severity: 'error',
      from: { path: ['^db/registry/', '^db/rules\\.ts$'] },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-bundled', 'npm-no-pkg', 'npm-unknown', 'core'] },
    },
    {
      // The renderer's bundle reaches what the contract imports: the table registry is plain data, the rest of
      // db/ opens files.
      name: 'contract-db-registry-only',
      comment: 'preload/contract/ takes from db/ only the table registry (db/registry/), which is plain data',
      severity: 'error',
      from: { path: '^preload/contract/' },
      to: { path: '^db/', pathNot: '^db/registry/' },
    },
    {
      name: 'renderer-through-contract',
      comment: 'the renderer reaches main only through preload/contract (no main/, db/, the SQLite module)',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: ['^main/', '^db/', '(^|/)node_modules/better-sqlite3(-multiple-ciphers)?/', '^better-sqlite3(-multiple-ciphers)?$'] },
    },
    {
      name: 'renderer-no-node',
      comment: 'the renderer runs in a sandboxed page and imports no Node built-in module',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'features-not-features',
      comment: 'a renderer feature never imports another feature; shared parts live in renderer/src/components/ or renderer/src/app/',
      severity: 'error',
      from: { path: '^renderer/src/features/([^/]+)/' },
      to: { path: '^renderer/src/features/', pathNot: '^renderer/src/features/$1/' },
    },
    {
      // A relative import that resolves nowhere would slip past every rule above, so it is an error of its own.
      name: 'resolvable',
      comment: 'a relative import must resolve to a file',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true, path: '^[.]' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)dist/' },
    tsPreCompilationDeps: true,
    // Resolves the code's `./x.js` specifiers to `./x.ts` the way tsc does.
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.cjs', '.mjs', '.json'],
    },
    moduleSystems: ['es6', 'cjs'],
  },
};
