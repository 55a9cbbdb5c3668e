import { useEffect, useLayoutEffect } from 'react';
import { Drawer as MantineDrawer, Modal as MantineModal, type DrawerProps, type ModalProps } from '@mantine/core';
import { notifications, notificationsStore } from '@mantine/notifications';

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

/**
 * When a dialog opens, the passing confirmations still on screen ("Booking saved": they close by themselves) are
 * taken down: the volunteer has moved on, and in the bottom-right corner they covered a tall form's Save and Cancel
 * once it was scrolled down. A failure (red) and a notice that stays until closed are kept.
 */
function useClearConfirmations(opened: boolean) {
  useEffect(() => {
    if (opened) notifications.updateState(notificationsStore, (shown) => shown.filter((n) => n.autoClose === false || n.color === 'red'));
  }, [opened]);
}

/** Mantine's Modal that returns the focus to its opener also when it is unmounted while open. */
export function Modal(props: ModalProps) {
  useReturnFocus(props.opened);
  useClearConfirmations(props.opened);
  return <MantineModal {...props} />;
}

/** Mantine's Drawer that returns the focus to its opener also when it is unmounted while open. */
export function Drawer(props: DrawerProps) {
  useReturnFocus(props.opened);
  useClearConfirmations(props.opened);
  return <MantineDrawer {...props} />;
}
