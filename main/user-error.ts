/** Thrown for problems the user can fix; the message is shown as it is. Host, data and engine all raise it. */
export class UserError extends Error {
  /** More than the message says, for a bug report (a child process's stderr, say); sent with the failure when given. */
  readonly detail: string | undefined;

  constructor(message: string, options?: ErrorOptions & { readonly detail?: string | undefined }) {
    super(message, options);
    this.detail = options?.detail;
  }
}
