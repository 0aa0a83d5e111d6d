import type { LayerDef } from './types';
import { InputLayer } from './input';
import { Dense } from './dense';
import { PretrainedModel } from './pretrained-model';
import { Activation } from './activation';
import { Dropout } from './dropout';
import { Flatten } from './flatten';
import { Reshape } from './reshape';

/** Input, dense, activation, dropout and the basic reshapes. */
export const CORE_LAYERS = [InputLayer, Dense, Activation, Dropout, Flatten, Reshape, PretrainedModel] as unknown as readonly LayerDef[];
