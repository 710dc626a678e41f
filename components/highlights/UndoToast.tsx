/**
 * The "Highlight deleted · Undo" toast. The live region stays mounted and only its content changes, because screen
 * readers announce changes inside an existing live region but often miss a region that appears with its text.
 */
export function UndoToast({ label, onUndo }: { label: string | null; onUndo(): void }) {
  return (
    <div class="hl-toast-region" role="status">
      {label !== null && (
        <div class="hl-toast">
          <span class="hl-toast-label">{label}</span>
          <button type="button" class="hl-toast-undo" onClick={onUndo}>
            Undo
          </button>
        </div>
      )}
    </div>
  );
}
