// Every failure the emulator core reports is one of these, so callers can branch on `code`
// and show the learner what happened (the message says what was expected and what happened).

export type GuestErrorCode =
  | 'state-unavailable'
  | 'boot-timeout'
  | 'command-timeout'
  | 'guest-unresponsive'
  | 'kernel-panic'
  | 'emulator-exception'
  | 'crashed'
  /** saveState() found a file read still waiting for its bytes and did not save (try again later). */
  | 'save-busy'
  | 'disposed';

export class GuestError extends Error {
  readonly code: GuestErrorCode;

  constructor(code: GuestErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'GuestError';
    this.code = code;
  }
}

/** A command did not finish in time; the guest killed its process group and is usable again. */
export class CommandTimeoutError extends GuestError {
  readonly command: string;
  readonly timeoutMs: number;
  /** Everything the command printed before it was killed. */
  readonly partialOutput: string;

  constructor(
    command: string,
    timeoutMs: number,
    partialOutput: string,
    code: GuestErrorCode = 'command-timeout',
  ) {
    super(
      code,
      code === 'command-timeout'
        ? `command did not finish within ${timeoutMs} ms and was killed: ${JSON.stringify(command)}`
        : `guest did not answer within ${timeoutMs} ms (even to a cancel): ${JSON.stringify(command)}`,
    );
    this.name = 'CommandTimeoutError';
    this.command = command;
    this.timeoutMs = timeoutMs;
    this.partialOutput = partialOutput;
  }
}

/** The guest kernel panicked or the emulator itself threw: this guest is gone, start a new one. */
export class GuestCrashedError extends GuestError {
  /** The last console output before the crash, to show the learner. */
  readonly consoleTail: string;

  constructor(
    code: 'kernel-panic' | 'emulator-exception',
    message: string,
    consoleTail: string,
    cause?: unknown,
  ) {
    super(code, message, { cause });
    this.name = 'GuestCrashedError';
    this.consoleTail = consoleTail;
  }
}
