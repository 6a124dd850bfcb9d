import { ActionIcon, CopyButton, TextInput, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useIntl } from 'react-intl';

/**
 * The one-time link, to copy and send by hand when no mail server is set up. Clicking the field selects it all,
 * so that copying works where the clipboard API does not (plain http on another host).
 */
export function InvitationLinkField({ link }: { link: string }) {
  const intl = useIntl();
  const copyLabel = intl.formatMessage({
    id: 'invitations.invitationLinkField.copy',
    defaultMessage: 'Copy link',
  });
  return (
    <TextInput
      label={intl.formatMessage({
        id: 'invitations.invitationLinkField.label',
        defaultMessage: 'Invitation link',
      })}
      description={intl.formatMessage({
        id: 'invitations.invitationLinkField.description',
        defaultMessage:
          'Works once. Send it only to the person invited: whoever opens it can set the password.',
      })}
      value={link}
      readOnly
      onFocus={(event) => event.currentTarget.select()}
      data-testid="invitation-link"
      rightSection={
        <CopyButton value={link} timeout={2000}>
          {({ copied, copy }) => (
            <Tooltip
              label={
                copied
                  ? intl.formatMessage({
                      id: 'invitations.invitationLinkField.copied',
                      defaultMessage: 'Copied',
                    })
                  : copyLabel
              }
              withArrow
              position="left"
            >
              <ActionIcon
                variant="subtle"
                color={copied ? 'teal' : 'gray'}
                onClick={copy}
                aria-label={
                  copied
                    ? intl.formatMessage({
                        id: 'invitations.invitationLinkField.linkCopied',
                        defaultMessage: 'Link copied',
                      })
                    : copyLabel
                }
              >
                {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      }
    />
  );
}
