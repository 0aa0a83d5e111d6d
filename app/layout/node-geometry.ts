import type { NodeDoc } from '../document/schema';
import { getLayer } from '../layers/registry';
import { MAIN_OUTPUT, outputNames, type InputHandle } from '../layers/types';

/** The card's fixed width; its height follows the number of handle rows. */
export const NODE_WIDTH = 248;
/** Handles sit at fixed heights, so an error message growing the card never bends the edges. */
export const NODE_HEADER = 50;
export const NODE_ROW = 20;
/** Card border (1 px each side). */
const BORDER = 2;

export interface NodeHandles {
  readonly inputs: readonly InputHandle[];
  readonly outputs: readonly string[];
  /** Inputs get a labelled row when there are several or one is special. */
  readonly showInputs: boolean;
  readonly showOutputs: boolean;
  readonly rows: number;
}

/** The handles a node draws, read from its layer definition. Pure, so layout and the card agree. */
export function nodeHandles(node: Pick<NodeDoc, 'type' | 'params'>): NodeHandles {
  const def = getLayer(node.type);
  const inputs = def?.inputs ?? [];
  const outputs = def ? outputNames(def, node.params) : [MAIN_OUTPUT];
  const showInputs = inputs.length > 1 || inputs.some((h) => h.optional === true || h.multiple === true);
  const showOutputs = outputs.length > 1;
  const rows = Math.max(showInputs ? inputs.length : 0, showOutputs ? outputs.length : 0);
  return { inputs, outputs, showInputs, showOutputs, rows };
}

/** Room for the note a zoo model's card carries until it is downloaded ("must be downloaded first", and how). */
const DOWNLOAD_NOTE = 88;

const fromZoo = (node: Pick<NodeDoc, 'type' | 'params'>) =>
  node.type === 'PretrainedModel' && (node.params.source as { kind?: unknown } | undefined)?.kind === 'zoo';

/**
 * The height a card has without an error message: the header and its handle rows. A zoo model's card
 * is laid out with room for its download note, which is what a person opening the template first sees.
 */
export function nodeHeight(node: Pick<NodeDoc, 'type' | 'params'>): number {
  const { rows } = nodeHandles(node);
  return NODE_HEADER + BORDER + (rows > 0 ? rows * NODE_ROW + 9 : 0) + (fromZoo(node) ? DOWNLOAD_NOTE : 0);
}
