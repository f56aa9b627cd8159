/**
 * A rule of the domain was not met. `kind` tells the HTTP layer how to answer
 * (invalid → 400, forbidden → 403, not_found → 404, conflict → 409) without the
 * rules knowing about HTTP; `code` is a stable machine-readable identifier.
 */
export type DomainErrorKind = 'invalid' | 'forbidden' | 'not_found' | 'conflict';

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
