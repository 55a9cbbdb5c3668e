import type { ToolbarProps, View } from 'react-big-calendar';

/**
 * react-big-calendar's toolbar with the same look and names, plus what a screen reader needs: the view buttons
 * say which one is pressed (aria-pressed) and the period label is announced when it changes.
 */
export function Toolbar<E extends object, R extends object>({ label, localizer: { messages }, onNavigate, onView, view, views }: ToolbarProps<E, R>) {
  const names = (Array.isArray(views) ? views : (Object.keys(views) as View[])) as View[];
  return (
    <div className="rbc-toolbar">
      <span className="rbc-btn-group">
        <button type="button" onClick={() => onNavigate('TODAY')}>
          {messages.today}
        </button>
        <button type="button" onClick={() => onNavigate('PREV')}>
          {messages.previous}
        </button>
        <button type="button" onClick={() => onNavigate('NEXT')}>
          {messages.next}
        </button>
      </span>
      <span className="rbc-toolbar-label" aria-live="polite">
        {label}
      </span>
      {names.length > 1 && (
        <span className="rbc-btn-group">
          {names.map((name) => (
            <button type="button" key={name} className={view === name ? 'rbc-active' : undefined} aria-pressed={view === name} onClick={() => onView(name)}>
              {messages[name]}
            </button>
          ))}
        </span>
      )}
    </div>
  );
}
