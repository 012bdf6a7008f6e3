/** The unit files `npm test` starts first and `npm run test:unit` leaves out (slow-files.mjs). */
export declare const SLOW: string[];
