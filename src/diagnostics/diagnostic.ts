/**
 * One diagnostic type for every stage. Stages record problems and recover;
 * `throw` is reserved for bugs in our own code.
 */

export type Severity = 'info' | 'warning' | 'error' | 'severe';

export interface Diagnostic {
  severity: Severity;
  /** Stable identifier such as `rst/title-underline-too-short`. */
  code: string;
  /** One sentence; where docutils reports the same problem, its wording. */
  message: string;
  /** The file the problem is in, as the user named it. */
  file?: string;
  /** 1-based line and column. */
  line?: number;
  column?: number;
  /** Optional advice on how to fix it. */
  hint?: string;
}

/**
 * A place in the sources after parsing: a 1-based line of `file`, the
 * included file it is in, or of the deck itself when `file` is absent.
 */
export interface SourceLine {
  line: number;
  file?: string;
}

/** `createDiagnostic` at `at`: in the included file it names, else in `deckFile`. */
export function diagnosticAt(
  severity: Severity,
  code: string,
  message: string,
  deckFile: string,
  at: SourceLine | undefined,
  hint?: string,
): Diagnostic {
  return createDiagnostic(severity, code, message, at?.file ?? deckFile, at?.line, hint);
}

/** docutils' system message levels: 0 debug, 1 info, 2 warning, 3 error, 4 severe. */
export const LEVEL_SEVERITY: Record<number, Severity> = {
  0: 'info',
  1: 'info',
  2: 'warning',
  3: 'error',
  4: 'severe',
};

export function isError(d: Diagnostic): boolean {
  return d.severity === 'error' || d.severity === 'severe';
}

/** A diagnostic with the optional line and hint set only when known. */
export function createDiagnostic(
  severity: Severity,
  code: string,
  message: string,
  file: string,
  line: number | undefined,
  hint?: string,
): Diagnostic {
  const d: Diagnostic = { severity, code, message, file };
  if (line !== undefined) d.line = line;
  if (hint !== undefined) d.hint = hint;
  return d;
}
