/** The unit files `npm test` starts first and `npm run test:unit` leaves out (slow-files.mjs). */
export declare const SLOW: string[];
/** The longest browser walks, longest first: `npm test` starts them before everything else (slow-files.mjs). */
export declare const LONG_WALKS: string[];
