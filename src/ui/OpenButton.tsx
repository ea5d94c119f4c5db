import type { UITexts } from './texts';

/** The persistent way back to the choice: withdrawing must be as easy as consenting. */
export function OpenButton({ t, open }: { t: UITexts; open(): void }) {
  return (
    <button class="ob" aria-label={t.openButton} title={t.openButton} onClick={open}>
      <svg viewBox="0 0 24 24" aria-hidden="true">
        <path d="M21 12a9 9 0 1 1-9-9 3 3 0 0 0 4 4 3 3 0 0 0 5 5zM8 10h.01M9 15h.01M14 14h.01" />
      </svg>
    </button>
  );
}
