import type { IntlShape } from 'react-intl';
import { currentIntl } from '../i18n/current-locale.ts';

/** A moment (an expiry, a send time) in the reader's language; outside React it uses the current locale. */
export function formatDateTime(iso: string, intl: IntlShape = currentIntl()): string {
  return intl.formatDate(new Date(iso), { dateStyle: 'medium', timeStyle: 'short' });
}
