import { useMemo, useState } from 'react';
import { MultiSelect, Select } from '@mantine/core';
import type { PersonDoc } from '@shared/db';
import type { SearchHit, SearchOptions } from '@shared/people/search';

type Search = (query: string, options?: SearchOptions) => SearchHit[];

interface Common {
  label: string;
  placeholder?: string;
  search: Search;
  peopleById: Map<string, PersonDoc>;
  /** Ids that may not be picked (e.g. the person being merged into). */
  exclude?: string[];
  error?: string;
}

function optionLabel(p: { name: string; phone: string }): string {
  return p.phone ? `${p.name} · ${p.phone}` : p.name;
}

function useOptions(search: Search, query: string, peopleById: Map<string, PersonDoc>, selected: string[], exclude: string[] = []) {
  return useMemo(() => {
    const hits = query.trim() ? search(query, { kind: 'person', limit: 30 }) : [];
    const ids = [...selected, ...hits.map((h) => h.id)].filter((id, i, all) => all.indexOf(id) === i && !exclude.includes(id));
    return ids.flatMap((id) => {
      const p = peopleById.get(id);
      return p ? [{ value: id, label: optionLabel(p) }] : [];
    });
  }, [search, query, peopleById, selected, exclude]);
}

const keepAll = ({ options }: { options: unknown[] }) => options as never;

/** Pick one person from the directory with the desk's typo-tolerant search. */
export function PersonPicker({ value, onChange, ...props }: Common & { value: string; onChange: (id: string) => void }) {
  const [query, setQuery] = useState('');
  const data = useOptions(props.search, query, props.peopleById, value ? [value] : [], props.exclude);
  return (
    <Select
      label={props.label}
      placeholder={props.placeholder}
      error={props.error}
      searchable
      clearable
      data={data}
      value={value || null}
      onChange={(v) => onChange(v ?? '')}
      searchValue={query}
      onSearchChange={setQuery}
      filter={keepAll}
      onKeyDown={(e) => {
        // Typing a name and pressing Enter picks the top match (close matches come first), unless an option
        // was highlighted with the arrows: then Mantine picks that one.
        if (e.key !== 'Enter' || !query.trim()) return;
        const list = document.getElementById(e.currentTarget.getAttribute('aria-controls') ?? '');
        if (list?.querySelector('[data-combobox-selected]')) return;
        const top = props.search(query, { kind: 'person', limit: 5 }).find((h) => h.id !== value && !props.exclude?.includes(h.id));
        if (!top) return;
        e.preventDefault();
        onChange(top.id);
      }}
      nothingFoundMessage={query.trim() ? '—' : undefined}
    />
  );
}

/** Pick several people (group members). */
export function PeoplePicker({ value, onChange, ...props }: Common & { value: string[]; onChange: (ids: string[]) => void }) {
  const [query, setQuery] = useState('');
  const data = useOptions(props.search, query, props.peopleById, value, props.exclude);
  return (
    <MultiSelect
      label={props.label}
      placeholder={props.placeholder}
      searchable
      data={data}
      value={value}
      onChange={onChange}
      searchValue={query}
      onSearchChange={setQuery}
      filter={keepAll}
      hidePickedOptions
    />
  );
}
