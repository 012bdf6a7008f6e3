/** The bundle exchange: the public surface used by handlers, the command line, the benchmark and tests. */
export { plainSecretBox, fingerprint, displayFingerprint, type SecretBox } from './crypto.js';
export { ensureIdentity, publicIdentity, keyFilePath, type ExchangeContext } from './keys.js';
export { openContainer, unpackEntries, type Manifest } from './container.js';
export { REASONS, LIMITS, BundleError, type ReasonCode } from './reasons.js';
export { buildBundles, exportToFolder, exportForDownload, writeBundleFile, type BuiltBundle, type WrittenBundle } from './export.js';
export { importBundle, type ImportOutcome, type ImportStatus } from './import.js';
export { importFile, importPaths, expandPaths } from './import-files.js';
export { importHistory, type HistoryItem } from './history.js';
export { listQuarantine, acceptQuarantined, refuseQuarantined, type QuarantineItem } from './quarantine.js';
export { enrollSchool, reissueEnrollment, openEnrollment, reEnroll, pinnedMunicipality, readEnrollment, enrollmentState, type EnrollmentFile, type EnrollmentInfo } from './enrollment.js';
export { displayCode, normaliseCode, CODE_ALPHABET, MAX_CODE_ATTEMPTS } from './enrollment-code.js';
export { rotateMunicipalityKey, type RotationResult } from './rotation.js';
export { listConflicts, resolveConflict, conflictCount, listDecisions, undoDecision, type Conflict } from './conflicts.js';
export { verifyBundle, type VerifyReport } from './verify.js';
export * from './municipal.js';
export { findPupilMentions, replacePupilMentions, pupilCodes, type Finding } from './outgoing-check.js';
export { outgoingReview, recordSentTexts, replaceInValue } from './review.js';
