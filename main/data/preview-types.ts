import type { DataSettings } from '../../app/data/catalog';
import type { DataPreview } from '../../app/protocol/data';
import type { ClassCount } from './complete';
import type { Problems } from './problems';

/** A change the UI can apply in one click: these settings replace the data settings. */
export interface Suggestion {
  readonly message: string;
  readonly label?: string;
  readonly settings?: DataSettings;
}

/** What one kind's preview builder returns. */
export interface PreviewResult {
  readonly preview: DataPreview;
  readonly classBalance: ClassCount[];
  readonly problems: Problems;
  readonly suggestions: Suggestion[];
  /** The settings completed with what was detected. */
  readonly settings: DataSettings;
}
