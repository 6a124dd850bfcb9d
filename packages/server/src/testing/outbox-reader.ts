import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.generated.ts';

/**
 * The invitation link in the newest message "sent" to `recipient`, read from the outbox store as a mail sender
 * (or the recipient's mailbox) would see it. Test-only: no API shows a live link after it was created.
 */
export async function invitationLinkSentTo(db: Kysely<DB>, recipient: string): Promise<string> {
  const message = await db
    .selectFrom('outboxMessages')
    .select('body')
    .where('recipient', '=', recipient)
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  const link = message?.body.match(/https?:\/\/\S+\/invitations\/[A-Za-z0-9_-]{43}/)?.[0];
  if (link === undefined) throw new Error(`no invitation link was sent to ${recipient}`);
  return link;
}
