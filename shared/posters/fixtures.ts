/** Fixture weeks for the poster's tests (unit, PDF, e2e): a typical week and a busy one. */
import type { BookingCategory } from '../db/schemas/bookings';
import type { PosterSource } from './model';
import type { PosterCentre } from './render';
import { DEFAULT_OPENING_HOURS } from '../centre/validate';

export const FIXTURE_WEEK = { from: '2026-11-23', to: '2026-11-29' } as const;

export const FIXTURE_CENTRE: PosterCentre = {
  name: 'Соседский центр "Берёзовая роща"',
  address: 'ул. Садовая, д. 12',
  phone: '+7 (812) 555-12-34',
  logo: '',
  openingHours: DEFAULT_OPENING_HOURS,
  posterUrl: 'https://sosedi.example.org/afisha',
};

function src(
  key: string,
  date: string,
  from: string,
  to: string,
  title: string,
  roomName: string,
  category: BookingCategory,
  publicDescription = '',
): PosterSource {
  return {
    key,
    title,
    start: `${date}T${from}`,
    end: `${date}T${to}`,
    roomId: roomName === 'Большой зал' ? 'hall' : roomName === 'Кухня' ? 'kitchen' : 'studio',
    roomName,
    publicDescription,
    category,
    public: true,
    status: 'confirmed',
  };
}

/** A typical week: clubs, a lecture, a celebration; plus a private and a cancelled booking that must not show. */
export function fixtureSources(): PosterSource[] {
  return [
    src('s-choir@2026-11-23T18:00', '2026-11-23', '18:00', '20:00', 'Хор "Соседи"', 'Большой зал', 'club', 'Поём народные и эстрадные песни. Новички - welcome, ноты не нужны.'),
    src('s-yoga@2026-11-24T10:00', '2026-11-24', '10:00', '11:00', 'Йога для старшего возраста', 'Студия', 'club'),
    src('b-lecture', '2026-11-25', '19:00', '20:30', 'Лекция "История нашего района: от деревни Купчино до наших дней"', 'Большой зал', 'lecture', 'Рассказывает краевед А. С. Петрова. Вход свободный.'),
    src('s-chess@2026-11-26T17:00', '2026-11-26', '17:00', '19:00', 'Шахматный клуб', 'Студия', 'club'),
    src('b-cooking', '2026-11-27', '12:00', '14:00', 'Кулинарный мастер-класс: пироги с капустой', 'Кухня', 'other', 'Стоимость продуктов 200 ₽ с человека.'),
    src('b-party', '2026-11-28', '15:00', '18:00', 'Праздник двора в честь Дня матери', 'Большой зал', 'celebration'),
    src('s-yoga@2026-11-28T10:00', '2026-11-28', '10:00', '11:00', 'Йога для старшего возраста', 'Студия', 'club'),
    { ...src('b-private', '2026-11-26', '10:00', '12:00', 'Собрание правления ТСЖ', 'Студия', 'meeting'), public: false },
    { ...src('b-cancelled', '2026-11-29', '12:00', '13:00', 'Отменённый концерт', 'Большой зал', 'celebration'), status: 'cancelled' },
  ];
}

export const FIXTURE_TITLES = [
  'Хор «Соседи»',
  'Йога для старшего возраста',
  'Шахматный клуб',
  'Кулинарный мастер-класс: пироги с капустой',
  'Праздник двора в честь Дня матери',
];

/** A busy week: `perDay` events every day (the default fills two A4 list sheets at the minimum size). */
export function busySources(perDay = 2): PosterSource[] {
  const out: PosterSource[] = [];
  for (let d = 0; d < 7; d++) {
    const date = `2026-11-${String(23 + d).padStart(2, '0')}`;
    for (let i = 0; i < perDay; i++) {
      const h = String(9 + i).padStart(2, '0');
      out.push(
        src(
          `busy-${d}-${i}`,
          date,
          `${h}:00`,
          `${h}:45`,
          i === 0 && d === 0
            ? `Занятие ${d + 1}.${i + 1}: очень длинное название кружка декоративно-прикладного творчества для всей семьи`
            : `Мастерская ${d + 1}.${i + 1}: рисуем акварелью`,
          ['Большой зал', 'Кухня', 'Студия'][i % 3]!,
          'club',
          i === 0 && d === 0 ? 'Приходите с друзьями и соседями, все материалы выдаём на месте, запись не нужна.' : '',
        ),
      );
    }
  }
  return out;
}
