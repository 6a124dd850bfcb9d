export const minimumReasonLength = 10;
export const maximumReasonLength = 1000;

/** The stated reason's problem, or none: the server's rule, checked as the person types. */
export function breakGlassReasonError(reason: string): string | undefined {
  const trimmed = reason.trim();
  if (trimmed.length < minimumReasonLength) {
    return `Say in a sentence why this is an emergency (at least ${minimumReasonLength} characters)`;
  }
  if (trimmed.length > maximumReasonLength) return `Keep the reason under ${maximumReasonLength} characters`;
  return undefined;
}
