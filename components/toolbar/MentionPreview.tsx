import { useEffect, useRef } from 'preact/hooks';
import type { Entity } from '../../utils/entities/types';
import type { LinkResult } from '../../utils/knowledge/types';
import { httpUrl } from '../../utils/url/httpUrl';
import { SHARED_IN_PAGE_CSS } from './toolbarTheme';

/** Props of MentionPreview. */
export interface MentionPreviewProps {
  /** Viewport coordinates of the card's top-left corner (see placeToolbar()). */
  position: { x: number; y: number };
  entity: Pick<Entity, 'name' | 'type' | 'mentions' | 'fictional'>;
  /** The look-up result, or 'loading' while it runs. */
  knowledge: LinkResult | 'loading';
  onClose(): void;
}

/** The stylesheet for the preview's shadow root. */
export const mentionPreviewCss = `${SHARED_IN_PAGE_CSS}
.bs-preview { width: min(320px, calc(100vw - 16px)); padding: 10px 12px; display: grid; gap: 6px; }
.bs-preview .bs-head { display: flex; gap: 10px; align-items: flex-start; }
.bs-preview img { width: 56px; height: 56px; object-fit: cover; border-radius: 6px; flex: none; background: #34343a; }
.bs-preview h2 { all: unset; display: block; font-weight: 700; font-size: 15px; }
.bs-preview p { margin: 0; }
.bs-preview .bs-muted { color: #c4c4c8; font-size: 13px; }
.bs-preview a { color: #8ab4f8; }
.bs-preview .bs-close { position: absolute; top: 4px; right: 4px; }
`;

function describe(entity: MentionPreviewProps['entity'], knowledge: LinkResult | 'loading'): string {
  if (knowledge === 'loading') return 'Looking it up…';
  if (knowledge.status === 'linked') return knowledge.card.description ?? '';
  if (knowledge.status === 'unlinked') return 'No confident match on Wikipedia.';
  if (knowledge.reason === 'disabled') return 'Background look-ups are off.';
  return 'Background could not be loaded.';
}

/**
 * A small card for an entity mention in the page, like Wikipedia's page previews: who or what it is, a picture,
 * how often the article names it, and a link to read more. Text only: no HTML from Wikipedia is rendered here.
 */
export function MentionPreview({ position, entity, knowledge, onClose }: MentionPreviewProps) {
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    root.current?.focus();
  }, []);
  const card = knowledge !== 'loading' && knowledge.status === 'linked' ? knowledge.card : null;
  const picture = card?.thumbnail ? httpUrl(card.thumbnail.url) : null;
  const link = card ? httpUrl(card.pageUrl) : null;
  const count = entity.mentions.length;
  return (
    <div
      ref={root}
      class="bs-surface bs-preview"
      role="dialog"
      aria-label={`About ${entity.name}`}
      tabIndex={-1}
      style={{ left: `${position.x}px`, top: `${position.y}px` }}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.stopPropagation();
        onClose();
      }}
    >
      <button type="button" class="bs-close" aria-label="Close" onClick={onClose}>
        ×
      </button>
      <div class="bs-head">
        {picture && <img src={picture} alt="" loading="lazy" />}
        <div>
          <h2>{card?.title ?? entity.name}</h2>
          <p class="bs-muted">{entity.fictional || card?.fictional ? 'Fictional character' : describe(entity, knowledge)}</p>
        </div>
      </div>
      <p class="bs-muted">
        Named {count} {count === 1 ? 'time' : 'times'} in this article
        {link && (
          <>
            {' · '}
            <a href={link} target="_blank" rel="noopener noreferrer">
              From Wikipedia
            </a>
          </>
        )}
      </p>
    </div>
  );
}
