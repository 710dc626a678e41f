import type { Entity } from '../entities/types';

/** The part of an entity that linking uses: the payload of every look-up message and of linkEntities. */
export type EntityRef = Pick<Entity, 'id' | 'type' | 'name' | 'aliases'>;

/**
 * Just the look-up fields of an entity. A look-up message carries no mentions or confidence: they would bloat every
 * message and the protocol's schema picks exactly these four fields (utils/messaging/protocol.ts).
 */
export function entityRef({ id, type, name, aliases }: EntityRef): EntityRef {
  return { id, type, name, aliases };
}
