import { useState } from 'react';
import { Badge, Button, Checkbox, Group, NativeSelect, Stack, Switch, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { getDesk } from '../../app/desk';
import { LABEL_GRIDS, labelSheetHtml, onShelf, type ItemDoc, type LabelGrid, type LoanDoc } from './domain';
import { useLoanActions } from './hooks';
import { ImportModal } from './ImportModal';
import { ItemForm } from './ItemForm';
import { EmptyNote } from './Table';
import { VirtualTable } from '../../app/VirtualTable';
import { attemptWrite } from '../../app/writeFailure';

/** The catalogue: items with shelf counts, add/edit/archive, CSV import and label sheets. */
export function CatalogueTab({ items, loans, onHistory }: { items: ItemDoc[]; loans: LoanDoc[]; onHistory: (itemId: string) => void }) {
  const { t, i18n } = useTranslation('loans');
  const { setArchived } = useLoanActions();
  const [editing, setEditing] = useState<{ item?: ItemDoc } | null>(null);
  const [importing, setImporting] = useState(false);
  const [showArchived, setShowArchived] = useState(false);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [grid, setGrid] = useState<LabelGrid>('3x8');
  const visible = items.filter((i) => showArchived || !i.archived);
  const chosen = visible.filter((i) => selected.has(i.id));

  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const sheet = () => labelSheetHtml(chosen.map((i) => ({ name: i.name, code: i.code })), { grid, title: t('labels.title'), lang: i18n.language });
  const print = async () => {
    const r = await getDesk().printHtml({ html: sheet() });
    if (!r.ok && r.reason !== 'cancelled') notifications.show({ color: 'red', message: t('printFailed') });
  };
  const pdf = async () => {
    const r = await getDesk().printToPdf({ html: sheet(), pageSize: 'A4' });
    if (r.ok) {
      await getDesk().saveFile({ suggestedName: 'labels.pdf', data: new Uint8Array(r.bytes), filters: [{ name: 'PDF', extensions: ['pdf'] }] });
    } else {
      notifications.show({ color: r.reason === 'failed' ? 'red' : 'blue', message: t(r.reason === 'failed' ? 'printFailed' : 'labels.browserPdf') });
    }
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Group>
          <Button onClick={() => setEditing({})}>{t('catalogue.add')}</Button>
          <Button variant="light" onClick={() => setImporting(true)}>
            {t('catalogue.import')}
          </Button>
        </Group>
        <Switch label={t('catalogue.showArchived')} checked={showArchived} onChange={(e) => setShowArchived(e.currentTarget.checked)} />
      </Group>
      <Group align="flex-end">
        <NativeSelect
          label={t('labels.grid')}
          value={grid}
          onChange={(e) => setGrid(e.currentTarget.value as LabelGrid)}
          data={Object.entries(LABEL_GRIDS).map(([k, g]) => ({ value: k, label: t('labels.gridOption', { cols: g.cols, rows: g.rows, w: g.width, h: g.height, n: g.cols * g.rows }) }))}
        />
        <Button variant="light" disabled={chosen.length === 0} onClick={() => void print()}>
          {t('labels.print', { n: chosen.length })}
        </Button>
        <Button variant="light" disabled={chosen.length === 0} onClick={() => void pdf()}>
          {t('labels.pdf', { n: chosen.length })}
        </Button>
      </Group>
      {visible.length === 0 ? (
        <EmptyNote text={t('catalogue.empty')} />
      ) : (
        <VirtualTable
          rows={visible}
          label={t('tabs.catalogue')}
          striped
          rowKey={(item) => item.id}
          head={[
            <Checkbox
              key="all"
              aria-label={t('labels.selectAll')}
              checked={chosen.length === visible.length}
              indeterminate={chosen.length > 0 && chosen.length < visible.length}
              onChange={() => setSelected(chosen.length === visible.length ? new Set() : new Set(visible.map((i) => i.id)))}
            />,
            t('item.name'),
            t('item.category'),
            t('item.code'),
            t('catalogue.shelf'),
            t('item.location'),
            t('actions'),
          ]}
          renderCells={(item) => (
            <>
              <Table.Td>
                <Checkbox aria-label={t('labels.selectNamed', { name: item.name })} checked={selected.has(item.id)} onChange={() => toggle(item.id)} />
              </Table.Td>
              <Table.Td>
                <Text fw={600}>{item.name}</Text>
                {item.archived && <Badge color="gray">{t('catalogue.archived')}</Badge>}
              </Table.Td>
              <Table.Td>{item.category}</Table.Td>
              <Table.Td>
                <Text ff="monospace">{item.code}</Text>
              </Table.Td>
              <Table.Td>{t('catalogue.shelfOf', { shelf: onShelf(item, loans), total: item.quantity })}</Table.Td>
              <Table.Td>{item.location}</Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Button size="sm" variant="light" aria-label={t('catalogue.editNamed', { name: item.name })} onClick={() => setEditing({ item })}>
                    {t('edit')}
                  </Button>
                  <Button size="sm" variant="subtle" aria-label={t('history.ofNamed', { name: item.name })} onClick={() => onHistory(item.id)}>
                    {t('history.short')}
                  </Button>
                  <Button
                    size="sm"
                    variant="subtle"
                    color={item.archived ? 'desk' : 'red'}
                    aria-label={t(item.archived ? 'catalogue.restoreNamed' : 'catalogue.archiveNamed', { name: item.name })}
                    onClick={() => void attemptWrite(() => setArchived(item.id, !item.archived), 'action')}
                  >
                    {t(item.archived ? 'catalogue.restore' : 'catalogue.archive')}
                  </Button>
                </Group>
              </Table.Td>
            </>
          )}
        />
      )}
      {editing && <ItemForm item={editing.item} onClose={() => setEditing(null)} />}
      {importing && <ImportModal items={items} onClose={() => setImporting(false)} />}
    </Stack>
  );
}
