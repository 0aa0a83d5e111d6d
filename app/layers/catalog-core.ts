import type { LayerDef } from './types';
import { InputLayer } from './input';
import { Dense } from './dense';
import { PretrainedModel } from './pretrained-model';
import { Activation } from './activation';
import { Dropout } from './dropout';
import { Flatten } from './flatten';
import { Reshape } from './reshape';
import { RBM } from './rbm';

/** Input, dense, activation, dropout, the basic reshapes the RBM and the pretrained-model node. */
export const CORE_LAYERS = [InputLayer, Dense, Activation, Dropout, Flatten, Reshape, RBM, PretrainedModel] as unknown as readonly LayerDef[];
