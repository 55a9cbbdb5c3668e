import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format';
import { isErasedBorrower, type Borrower, type Holder, type LoanError } from './domain';

/** Turns domain error codes into sentences from loans.json. */
export function useLoanMessages() {
  const { t } = useTranslation('loans');
  const f = useFormat();
  const holder = useCallback(
    (h: Holder) => t('holder', { name: h.name, phone: h.phone || t('noPhone'), from: f.dateTime(h.from), to: f.dateTime(h.to), quantity: h.quantity }),
    [t, f],
  );
  const error = useCallback(
    (e: LoanError) => {
      const base = t(`errors.${e.code}`, { value: e.value ?? '', available: e.available ?? 0 });
      return e.holders?.length ? `${base} ${e.holders.map(holder).join('; ')}` : base;
    },
    [t, holder],
  );
  /** The borrower's name, or "data erased" for a person erased on request. */
  const borrowerName = useCallback((b: Pick<Borrower, 'personId' | 'name' | 'phone'>) => (isErasedBorrower(b) ? t('borrower.erased') : b.name), [t]);
  return { error, holder, borrowerName };
}
