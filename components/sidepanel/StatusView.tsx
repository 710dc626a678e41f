import type { ComponentChildren } from 'preact';

/** A clear sentence for a state of the panel, with an optional action: never a blank panel. */
export function StatusView(props: {
  kind: 'idle' | 'working' | 'not-article' | 'unsupported' | 'error' | 'offline' | 'empty';
  title: string;
  message?: string;
  action?: { label: string; onClick: () => void };
  children?: ComponentChildren;
}) {
  const busy = props.kind === 'working';
  return (
    <section class={`status status-${props.kind}`} role={props.kind === 'error' ? 'alert' : 'status'} aria-busy={busy}>
      <h2 class="status-title">{props.title}</h2>
      {props.message && <p class="status-message">{props.message}</p>}
      {busy && (
        <div class="skeleton" aria-hidden="true">
          <span />
          <span />
          <span />
        </div>
      )}
      {props.action && (
        <button type="button" class="primary" onClick={props.action.onClick}>
          {props.action.label}
        </button>
      )}
      {props.children}
    </section>
  );
}
