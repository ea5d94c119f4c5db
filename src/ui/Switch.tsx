export interface SwitchProps {
  on: boolean;
  label: string;
  /** Shown beside the label, e.g. "Always on". */
  note?: string;
  disabled?: boolean;
  /** Id of the element that describes it. */
  desc?: string;
  toggle?(): void;
}

/** The whole row is the button, so the visible label is its accessible name and a large click target. */
export function Switch({ on, label, note, disabled, desc, toggle }: SwitchProps) {
  return (
    <button role="switch" class="sw" aria-checked={on} aria-describedby={desc} disabled={disabled} onClick={toggle}>
      <span>{label}</span>
      {note && <small>{note}</small>}
      <span class="k" aria-hidden="true" />
    </button>
  );
}
