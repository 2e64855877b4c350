/**
 * Gives the page its turn (input, rendering) and resumes as soon as it has had it: the browser's
 * scheduler.yield() where there is one, else a message to ourselves (a task, with none of
 * setTimeout's 4 ms clamp on nested calls).
 */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/** Resolves once the next frame has been painted: for work that must not delay that frame. */
export function afterPaint(): Promise<void> {
  return new Promise((painted) => requestAnimationFrame(() => setTimeout(painted, 0)));
}
