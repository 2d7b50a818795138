// How long an exercise's scripts may run on the learner's page, and so in its proof (verify-exercise.ts, which
// `npm run exercises:verify` and the exercise editor's Try both run): an exercise proved within these limits is
// not one whose check or setup the learner's page then stops. DOM-free, imported by both sides.

/**
 * Per check (src/lab/exercise-element.ts; every round of the proof). Checks take well under a second on an idle
 * machine, but a busy one can be several times slower; a hung check must still not hold the program channel.
 */
export const CHECK_TIMEOUT_MS = 10_000;

/** An exercise's setup, each time the learner's machine becomes ready (src/playground/machine-client.ts; the proof). */
export const SETUP_TIMEOUT_MS = 30_000;
