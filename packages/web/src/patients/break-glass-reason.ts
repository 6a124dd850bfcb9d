import { defineMessages, type IntlShape, type MessageDescriptor } from 'react-intl';

export const minimumReasonLength = 10;
export const maximumReasonLength = 1000;

const messages: Record<'tooShort' | 'tooLong', MessageDescriptor> = defineMessages({
  tooShort: {
    id: 'patients.breakGlassReason.tooShort',
    defaultMessage: 'Say in a sentence why this is an emergency (at least {minimum} characters)',
  },
  tooLong: {
    id: 'patients.breakGlassReason.tooLong',
    defaultMessage: 'Keep the reason under {maximum} characters',
  },
});

/** The stated reason's problem, or none: the server's rule, checked as the person types. */
export function breakGlassReasonError(intl: IntlShape, reason: string): string | undefined {
  const trimmed = reason.trim();
  if (trimmed.length < minimumReasonLength) {
    return intl.formatMessage(messages.tooShort, { minimum: minimumReasonLength });
  }
  if (trimmed.length > maximumReasonLength) {
    return intl.formatMessage(messages.tooLong, { maximum: maximumReasonLength });
  }
  return undefined;
}
