import { useLayoutEffect } from 'react';
import { Drawer as MantineDrawer, Modal as MantineModal, type DrawerProps, type ModalProps } from '@mantine/core';

/**
 * Puts the focus back on what opened a dialog once the dialog is gone. Mantine does this when `opened` turns
 * false, but most of the desk's dialogs are unmounted instead (`{open && <Form … />}`), which left the focus on
 * <body>: a keyboard or screen-reader user had to start again from the top of the page.
 */
export function useReturnFocus(opened: boolean) {
  useLayoutEffect(() => {
    if (!opened) return;
    const opener = document.activeElement;
    return () => {
      requestAnimationFrame(() => {
        const now = document.activeElement;
        const lost = now === null || now === document.body || !now.isConnected;
        if (lost && opener instanceof HTMLElement && opener !== document.body && opener.isConnected) opener.focus();
      });
    };
  }, [opened]);
}

/** Mantine's Modal that returns the focus to its opener also when it is unmounted while open. */
export function Modal(props: ModalProps) {
  useReturnFocus(props.opened);
  return <MantineModal {...props} />;
}

/** Mantine's Drawer that returns the focus to its opener also when it is unmounted while open. */
export function Drawer(props: DrawerProps) {
  useReturnFocus(props.opened);
  return <MantineDrawer {...props} />;
}
