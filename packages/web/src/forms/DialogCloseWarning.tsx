import { LeaveConfirmDialog } from './LeaveConfirmDialog.tsx';
import type { CloseWarning } from './use-leave-warning.ts';

/** The question `useCloseWarning` asks, drawn above the dialog being closed. */
export function DialogCloseWarning({ warning }: { warning: CloseWarning }) {
  return (
    <LeaveConfirmDialog inDialog opened={warning.asking} onStay={warning.stay} onLeave={warning.leave} />
  );
}
