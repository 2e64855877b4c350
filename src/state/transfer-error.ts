/** A transfer (import write or export) that cannot be done; nothing was written. The message is for the user. */
export class TransferError extends Error {
  override name = 'TransferError';
}
