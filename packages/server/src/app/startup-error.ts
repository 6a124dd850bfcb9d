/** A reason Tandem cannot start, worded as what to fix. The CLI prints its message as one line, no stack. */
export class StartupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StartupError';
  }
}
