import type { ContextIndex } from './context';
import type { NumberScan } from './numbers';
import type { Confidence } from './types';

/** What one text offers every detector: the normalised text and the results of the shared passes. */
export interface TextContext extends NumberScan {
  text: string;
  labels: ContextIndex;
}

/** A detector's raw result, before the engine adds the detector id and the part. */
export interface Hit {
  start: number;
  end: number;
  preview: string;
  confidence: Confidence;
}
