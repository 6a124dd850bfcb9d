// Leaving a form with changes not saved is confirmed: inside the app by TanStack Router's blocker (answered by
// LeaveConfirmDialog), leaving the app (reload, closing the tab) by the browser's own beforeunload prompt.
import { useBlocker } from '@tanstack/react-router';
import { useRef, useState } from 'react';

export interface LeaveWarning {
  /** Whether the person is being asked. */
  asking: boolean;
  stay: () => void;
  leave: () => void;
}

/**
 * `hasChanges` is read when the person tries to leave, not when rendering, so a form that saved and navigates in
 * the same moment (after `form.resetDirty()`) is not held back.
 */
export function useLeaveWarning(hasChanges: () => boolean): LeaveWarning {
  const latest = useRef(hasChanges);
  latest.current = hasChanges;
  const blocker = useBlocker({
    shouldBlockFn: () => latest.current(),
    enableBeforeUnload: () => latest.current(),
    withResolver: true,
  });
  return {
    asking: blocker.status === 'blocked',
    stay: () => blocker.reset?.(),
    leave: () => blocker.proceed?.(),
  };
}

export interface CloseWarning {
  /** Call instead of the dialog's onClose: asks first when there are changes. */
  requestClose: () => void;
  asking: boolean;
  stay: () => void;
  leave: () => void;
}

/** The same question for a dialog inside a page: closing it with changes not saved is confirmed. */
export function useCloseWarning(hasChanges: () => boolean, close: () => void): CloseWarning {
  const [asking, setAsking] = useState(false);
  return {
    requestClose: () => {
      if (hasChanges()) setAsking(true);
      else close();
    },
    asking,
    stay: () => setAsking(false),
    leave: () => {
      setAsking(false);
      close();
    },
  };
}
