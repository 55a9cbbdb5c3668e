import { describe, expect, it } from 'vitest';
import { eventTitle, roomColours, sectionLabel, textOn } from './eventLook';

const o = (title: string, name: string) => ({ title, organiser: { kind: 'free' as const, refId: '', name, phone: '' } });

describe('event look', () => {
  it('names a section without repeating the word "section"', () => {
    expect(sectionLabel('Секция A', 'A')).toBe('Секция A');
    expect(sectionLabel('Секция Секция A', 'Секция A')).toBe('Секция A');
    expect(sectionLabel('Section section 2', 'section 2')).toBe('section 2');
    expect(sectionLabel('Section Stage', 'Stage')).toBe('Section Stage');
    expect(sectionLabel('Section Sectional', 'Sectional')).toBe('Section Sectional');
  });

  it('never repeats the title when the organiser is named like the event; names the room when asked', () => {
    expect(eventTitle(o('Танцы 55+', 'Танцы 55+'), '')).toBe('Танцы 55+');
    expect(eventTitle(o('Танцы 55+', 'танцы 55+ '), 'Зал')).toBe('Танцы 55+ · Зал');
    expect(eventTitle(o('Лекция', 'Мария Иванова'), 'Студия')).toBe('Лекция — Мария Иванова · Студия');
    expect(eventTitle(o('Хор «Соседи»', 'Соседи'), '')).toBe('Хор «Соседи»');
    expect(eventTitle(o('Лекция', ''), '', '⚠')).toBe('⚠ · Лекция');
  });

  it('rooms without a colour get distinct ones; the text stays readable on any colour', () => {
    const colours = roomColours([{ id: 'hall', colour: '' }, { id: 'studio', colour: '' }, { id: 'kitchen', colour: '#ffeb3b' }]);
    expect(colours.get('hall')).not.toBe(colours.get('studio'));
    expect(colours.get('kitchen')).toBe('#ffeb3b');
    expect(textOn('#ffeb3b')).toBe('#000');
    expect(textOn('#1565c0')).toBe('#fff');
    expect(textOn('#fff')).toBe('#000');
  });
});
