import { Button, Group, Modal, Text } from '@mantine/core';
import { defineMessages, FormattedMessage, useIntl } from 'react-intl';
import { useLeaveWarning } from './use-leave-warning.ts';

const messages = defineMessages({
  pageTitle: { id: 'forms.leaveConfirmDialog.pageTitle', defaultMessage: 'Leave this page?' },
  dialogTitle: { id: 'forms.leaveConfirmDialog.dialogTitle', defaultMessage: 'Close without saving?' },
});

/**
 * Asks whether to leave a form with changes not saved. Stay is focused first: the safe answer is one keypress.
 * Drawn above any dialog the form is in.
 */
export function LeaveConfirmDialog({
  opened,
  onStay,
  onLeave,
  inDialog = false,
}: {
  opened: boolean;
  onStay: () => void;
  onLeave: () => void;
  /** The form is a dialog being closed rather than a page being left. */
  inDialog?: boolean;
}) {
  const intl = useIntl();
  return (
    <Modal
      opened={opened}
      onClose={onStay}
      title={intl.formatMessage(inDialog ? messages.dialogTitle : messages.pageTitle)}
      zIndex={400}
      size="sm"
      centered
    >
      <Text size="sm">
        <FormattedMessage
          id="forms.leaveConfirmDialog.notSaved"
          defaultMessage="Your changes are not saved."
        />
      </Text>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onStay} data-autofocus>
          <FormattedMessage id="forms.leaveConfirmDialog.stay" defaultMessage="Stay" />
        </Button>
        <Button color="red" onClick={onLeave}>
          <FormattedMessage id="forms.leaveConfirmDialog.leave" defaultMessage="Leave" />
        </Button>
      </Group>
    </Modal>
  );
}

/** The page-level warning, ready to drop into a page: `<LeaveWarningDialog hasChanges={() => form.isDirty()} />`. */
export function LeaveWarningDialog({ hasChanges }: { hasChanges: () => boolean }) {
  const warning = useLeaveWarning(hasChanges);
  return <LeaveConfirmDialog opened={warning.asking} onStay={warning.stay} onLeave={warning.leave} />;
}
