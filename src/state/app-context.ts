/** Services shared with every component through @lit/context: the database and app settings. */
import { createContext } from '@lit/context';
import type { WarrantDB } from '../db/database.js';
import type { EvaluationSettings } from '../evaluation/index.js';

/** What the app shell provides once storage is open. A new object is provided on change. */
export interface AppServices {
  db: WarrantDB;
  /** Author name recorded on new nodes and used as rater name (kept locally). */
  authorName: string;
  /** How standing is computed: semantics and rating mapping (kept locally, named in exports). */
  evaluation: EvaluationSettings;
  /**
   * Asks "Who are you?" and keeps the answer as authorName; resolves with the name, or undefined
   * when dismissed. Called before the first edit or rating when no name is kept yet.
   */
  askName?: () => Promise<string | undefined>;
  /** Anonymous mode: people shown (and exported) as Student A, B ... (for projecting in class). */
  anonymous?: boolean;
}

/** Context key for AppServices. */
export const servicesContext = createContext<AppServices | undefined>(Symbol('warrant-services'));
