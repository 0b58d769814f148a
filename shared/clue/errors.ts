// CLUE response codes (RFC 8847 §5.7) and the one error type the CLUE codecs throw.
// Every problem found in a received message maps to one of these codes, so the state machines
// can answer with the response the RFC asks for.

/** RFC 8847 §5.7, Table 1: every response code the protocol defines, with its default reason. */
export const RESPONSE_CODES = {
  200: 'Success',
  300: 'Low-level request error',
  301: 'Bad syntax',
  302: 'Invalid value',
  303: 'Conflicting values',
  400: 'Semantic errors',
  401: 'Version not supported',
  402: 'Invalid sequencing',
  403: 'Invalid identifier',
  404: 'Advertisement expired',
  405: 'Subset choice not allowed',
} as const;

export type ResponseCode = keyof typeof RESPONSE_CODES;
export type ErrorCode = Exclude<ResponseCode, 200>;

/**
 * RFC 8847 §5.7: the first digit carries the meaning (2 success, 3 problem with the XML content,
 * 4 CLUE semantics); codes not in Table 1 may be defined later or by extensions and keep that
 * meaning. 1xx and 5xx-9xx are not allowed in major version 1.
 */
export const responseClass = (code: number): 2 | 3 | 4 | undefined => {
  const first = Math.floor(code / 100);
  return code >= 100 && code <= 999 && (first === 2 || first === 3 || first === 4) ? first : undefined;
};
export const isSuccess = (code: number): boolean => responseClass(code) === 2;

/** One thing wrong with a message: the response code it earns, a reason and where it was found. */
export interface Problem {
  code: ErrorCode;
  reason: string;
  /** Element path such as "advertisement/mediaCaptures/mediaCapture[2]/encGroupIDREF". */
  path?: string;
}

/** The only error the CLUE codecs throw: the message cannot be read (or is not a valid CLUE message). */
export class ParseError extends Error {
  override readonly name = 'ParseError';
  constructor(
    readonly code: ErrorCode,
    readonly reason: string,
    readonly path?: string,
  ) {
    super(path ? `${reason} (at ${path})` : reason);
  }

  toProblem(): Problem {
    return this.path === undefined ? { code: this.code, reason: this.reason } : { code: this.code, reason: this.reason, path: this.path };
  }
}

export const formatProblem = (p: Problem): string => `${p.code} ${RESPONSE_CODES[p.code]}: ${p.reason}${p.path ? ` (at ${p.path})` : ''}`;
