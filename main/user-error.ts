/** Thrown for problems the user can fix; the message is shown as it is. Host, data and engine all raise it. */
export class UserError extends Error {}
