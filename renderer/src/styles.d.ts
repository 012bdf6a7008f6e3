/**
 * Style sheets are imported for their side effect (Vite puts them in the page). TypeScript 7 checks that a
 * side-effect import resolves to something it knows; this says a `.css` file is such a thing.
 */
declare module '*.css';
