import type { Chain } from './chains';
import type { ContextIndex } from './context';
import type { Confidence } from './types';
import type { WordScan } from './words';

/** What one text offers every detector: the normalised text and the results of the shared pass. */
export interface TextContext {
  text: string;
  words: WordScan;
  labels: ContextIndex;
  chains: readonly Chain[];
}

/** A detector's raw result, before the engine adds the detector id and the part. */
export interface Hit {
  start: number;
  end: number;
  preview: string;
  confidence: Confidence;
}
