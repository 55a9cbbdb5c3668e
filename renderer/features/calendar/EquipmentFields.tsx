import { useTranslation } from 'react-i18next';
import { Button, Fieldset, Group, NumberInput, Select, Stack, Text } from '@mantine/core';
import type { EquipmentLine, ItemDoc } from '@shared/db';

interface Props {
  lines: EquipmentLine[];
  items: ItemDoc[];
  onChange: (lines: EquipmentLine[]) => void;
}

/** Things to reserve with the booking: an item and a quantity per row, added and removed by buttons. */
export function EquipmentFields({ lines, items, onChange }: Props) {
  const { t } = useTranslation('calendar');
  const nameOf = (id: string) => items.find((i) => i.id === id)?.name ?? t('equipment.unknownItem');
  const options = (current: string) =>
    items
      .filter((i) => i.id === current || (!i.archived && !lines.some((l) => l.itemId === i.id)))
      .map((i) => ({ value: i.id, label: i.tracking === 'counted' ? t('equipment.itemCounted', { name: i.name, quantity: i.quantity }) : i.name }));
  const setLine = (index: number, line: EquipmentLine) => onChange(lines.map((l, i) => (i === index ? line : l)));
  return (
    <Fieldset legend={t('equipment.title')}>
      <Stack gap="xs">
        {lines.length === 0 && <Text size="sm">{items.length ? t('equipment.none') : t('equipment.noCatalogue')}</Text>}
        {lines.map((line, i) => {
          const n = i + 1;
          const single = items.find((it) => it.id === line.itemId)?.tracking === 'single';
          return (
            <Group key={i} align="flex-end" wrap="nowrap">
              <Select
                style={{ flex: 1 }}
                searchable
                label={t('equipment.item', { n })}
                data={options(line.itemId)}
                value={line.itemId || null}
                allowDeselect={false}
                onChange={(v) => setLine(i, { itemId: v ?? '', quantity: line.quantity || 1 })}
              />
              <NumberInput
                w={140}
                label={t('equipment.quantity', { n })}
                min={1}
                max={single ? 1 : 100000}
                allowDecimal={false}
                value={line.quantity}
                onChange={(v) => setLine(i, { ...line, quantity: typeof v === 'number' ? v : 0 })}
              />
              <Button variant="default" aria-label={t('equipment.removeNamed', { n, name: line.itemId ? nameOf(line.itemId) : '' })} onClick={() => onChange(lines.filter((_, j) => j !== i))}>
                {t('equipment.remove')}
              </Button>
            </Group>
          );
        })}
        <Group>
          <Button variant="light" disabled={!items.length} onClick={() => onChange([...lines, { itemId: '', quantity: 1 }])}>
            {t('equipment.add')}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}
