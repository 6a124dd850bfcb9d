import { Modal, type ModalProps } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';

function focusedElement(): HTMLElement | null {
  return document.activeElement instanceof HTMLElement && document.activeElement !== document.body
    ? document.activeElement
    : null;
}

/**
 * Mantine's Modal, returning focus to the control that opened it also when the dialog closes by being unmounted
 * (`{open && <SomeDialog opened …/>}`). Mantine returns focus only when `opened` turns false; a dialog that
 * leaves the page while open dropped keyboard users on the page body (WCAG 2.4.3).
 */
export function Dialog(props: ModalProps) {
  const { opened } = props;
  // Read while rendering: before Mantine's focus trap moves focus into the dialog.
  const [opener, setOpener] = useState(() => (opened ? focusedElement() : null));
  const [wasOpened, setWasOpened] = useState(opened);
  if (opened !== wasOpened) {
    setWasOpened(opened);
    setOpener(opened ? focusedElement() : null);
  }

  const openerWhileOpen = useRef<HTMLElement | null>(null);
  useEffect(() => {
    openerWhileOpen.current = opened ? opener : null;
  }, [opened, opener]);
  useEffect(
    () => () => {
      const target = openerWhileOpen.current;
      if (target === null) return;
      // After the dialog's nodes are gone; only when nothing else took focus meanwhile.
      window.setTimeout(() => {
        if (
          target.isConnected &&
          (document.activeElement === null || document.activeElement === document.body)
        ) {
          target.focus({ preventScroll: true });
        }
      }, 0);
    },
    [],
  );

  return <Modal {...props} />;
}
