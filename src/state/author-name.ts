/**
 * The name a person's work (nodes, ratings) is filed under. With none kept yet, the first edit or
 * rating asks "Who are you?" (the app keeps the answer in Settings); nothing is written under "me".
 */
import type { AppServices } from './app-context.js';

/** The current author's name, asked for when there is none. */
export class AuthorName {
  constructor(
    private readonly services: () => AppServices | undefined,
    private readonly announce: (text: string, error: boolean) => void,
  ) {}

  /** The name ratings are shown under now ("me" before one is given). */
  get rater(): string {
    return this.services()?.authorName.trim() || 'me';
  }

  /** The name work is filed under; undefined when the person would not say (then nothing is written). */
  async named(): Promise<string | undefined> {
    const services = this.services();
    const kept = services?.authorName.trim();
    if (kept) return kept;
    const asked = await services?.askName?.();
    if (!asked) this.announce('Give your name first: your work is filed under it.', true);
    return asked;
  }
}
