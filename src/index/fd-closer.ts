/**
 * Closes a file descriptor when the object that holds it is garbage-collected: the stores keep their
 * files open for their life (a rebuild may remove the folder; an open file still reads).
 */
import { closeSync } from 'node:fs';

const registry = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // already closed
  }
});

/** Closes `fd` once `owner` is collected; `unregister(owner)` when closing it earlier. */
export function closeWhenCollected(owner: object, fd: number): void {
  registry.register(owner, fd, owner);
}

export function unregister(owner: object): void {
  registry.unregister(owner);
}
