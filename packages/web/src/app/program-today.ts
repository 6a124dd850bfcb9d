import { localDateAt } from '@tandem/core/time/local-date';
import { useMe } from '../auth/me-context.ts';

/**
 * Today's calendar date where the program is (its organization's time zone), which is the calendar the server
 * checks every date by: a browser in another zone, or past midnight where it is, must not propose tomorrow.
 */
export function useProgramToday(): string {
  return localDateAt(new Date(), useMe().organization.timeZone);
}
