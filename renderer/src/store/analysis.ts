import { analyzeGraph } from '../../../app/analysis/analyze';
import { adviseGraph } from '../../../app/analysis/advice';
import type { Analysis, GraphIssue } from '../../../app/analysis/types';
import { checkDataFit, type FitIssue } from '../../../app/data/fit';
import type { GraphDoc, ProjectDoc } from '../../../app/document/schema';
import { useProjectStore } from './project';

// Every component shares one analysis per graph object: commands replace the graph
// only when it changes, so identity is the cache key.
let lastGraph: GraphDoc | null = null;
let lastAnalysis: Analysis | null = null;

export function analysisOf(graph: GraphDoc): Analysis {
  if (graph !== lastGraph || !lastAnalysis) {
    lastAnalysis = analyzeGraph(graph);
    lastGraph = graph;
  }
  return lastAnalysis;
}

// The fit depends on the training settings too: the GAN mode and a chosen loss are checked against the data.
let lastFitKey: [GraphDoc, ProjectDoc['data'], ProjectDoc['training']] | null = null;
let lastFit: FitIssue[] = [];

export function fitIssuesOf(doc: ProjectDoc): FitIssue[] {
  if (lastFitKey?.[0] !== doc.graph || lastFitKey[1] !== doc.data || lastFitKey[2] !== doc.training) {
    lastFit = doc.graph.nodes.length === 0 ? [] : checkDataFit(doc, analysisOf(doc.graph));
    lastFitKey = [doc.graph, doc.data, doc.training];
  }
  return lastFit;
}

export function useAnalysis(): Analysis {
  return analysisOf(useProjectStore((s) => s.doc.graph));
}

export function useFitIssues(): FitIssue[] {
  return fitIssuesOf(useProjectStore((s) => s.doc));
}

// Advice is computed beside the analysis, not inside it: warnings never block training or change what the analysis reports.
let lastAdviceGraph: GraphDoc | null = null;
let lastAdvice: GraphIssue[] = [];

export function adviceOf(graph: GraphDoc): GraphIssue[] {
  if (graph !== lastAdviceGraph) {
    lastAdvice = adviseGraph(graph, analysisOf(graph));
    lastAdviceGraph = graph;
  }
  return lastAdvice;
}

export function useAdvice(): GraphIssue[] {
  return adviceOf(useProjectStore((s) => s.doc.graph));
}
