import { create } from 'zustand';
import type { EvaluationReport, RunSummary } from '../../../app/protocol';

/** The Evaluate view: which run it shows and where its evaluation stands. Not part of the document. */
export type EvalState =
  | { readonly status: 'closed' }
  | { readonly status: 'loading'; readonly runId: string; readonly title: string; readonly dataset: string }
  | { readonly status: 'failed'; readonly runId: string; readonly title: string; readonly dataset: string; readonly message: string }
  | {
      readonly status: 'done';
      readonly runId: string;
      readonly title: string;
      readonly dataset: string;
      readonly report: EvaluationReport;
      /** The run scored, so that another run on the same data can be compared with it. */
      readonly run: RunSummary;
    };

export const useEval = create<{ readonly view: EvalState; readonly weights: 'last' | 'best' }>()(() => ({ view: { status: 'closed' }, weights: 'last' }));
