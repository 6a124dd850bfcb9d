/** The compiled catalogues (scripts/compiled-catalogues.ts): each id's message, already parsed. */
declare module 'virtual:tandem-messages/*' {
  import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';

  const messages: Record<string, MessageFormatElement[]>;
  export default messages;
}
