import type { DataSettings } from './catalog';
import type { DataSpec } from './spec-types';
import { PATCHES, PROMPT_LENGTH, PROMPT_VOCAB } from './prompts';
import { userDataSpec } from './user-spec';

export type { DataSpec, InputSpec, Task } from './spec-types';

const TWO = ['class 0', 'class 1'];
const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
export const FASHION_CLASSES = ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot'];
export const CIFAR10_CLASSES = ['airplane', 'automobile', 'bird', 'cat', 'deer', 'dog', 'frog', 'horse', 'ship', 'truck'];
/** Toy sequence tokens: 0 padding, 1 start-of-sequence, 2–11 the digits. */
export const REVERSE_VOCAB = 12;

export function dataSpec(s: DataSettings): DataSpec {
  switch (s.dataset) {
    case 'spirals':
    case 'circles':
    case 'xor':
      return { task: 'classification', inputs: [{ label: 'point (x, y)', shape: [2], dtype: 'float32' }], targetShape: [], classes: 2, classNames: TWO };
    case 'iris':
      return {
        task: 'classification',
        inputs: [{ label: '4 measurements', shape: [4], dtype: 'float32' }],
        targetShape: [],
        classes: 3,
        classNames: ['setosa', 'versicolor', 'virginica'],
      };
    case 'mnist': {
      const image = { label: '28×28 image', shape: [28, 28, 1], dtype: 'float32' as const };
      if (s.objective === 'classify') {
        // One half of the digits (transfer learning): five classes, 5–9 relabelled 0–4 but named as drawn.
        const classNames = s.mnistDigits === 'all' ? DIGITS : DIGITS.slice(s.mnistDigits === '0-4' ? 0 : 5).slice(0, 5);
        return { task: 'classification', inputs: [image], targetShape: [], classes: classNames.length, classNames };
      }
      return {
        task: 'reconstruction',
        inputs: [{ ...image, label: s.objective === 'denoise' ? 'noisy 28×28 image' : image.label }],
        targetShape: [28, 28, 1],
        classes: 0,
        classNames: [],
      };
    }
    case 'mnist-prompts':
      return {
        task: 'reconstruction',
        inputs: [
          { label: `prompt: ${PROMPT_LENGTH} word ids`, shape: [PROMPT_LENGTH], dtype: 'int32', vocabulary: PROMPT_VOCAB.length },
          { label: `${PATCHES} patch ids (4×4 grid)`, shape: [PATCHES], dtype: 'int32', vocabulary: PATCHES },
        ],
        targetShape: [28, 28, 1],
        classes: 0,
        classNames: [],
      };
    case 'fashion-mnist':
      return {
        task: 'classification',
        inputs: [{ label: '28×28 image', shape: [28, 28, 1], dtype: 'float32' }],
        targetShape: [],
        classes: 10,
        classNames: FASHION_CLASSES,
      };
    case 'cifar10':
      return {
        task: 'classification',
        inputs: [{ label: '32×32 colour image', shape: [32, 32, 3], dtype: 'float32' }],
        targetShape: [],
        classes: 10,
        classNames: CIFAR10_CLASSES,
      };
    case 'imdb':
      return {
        task: 'classification',
        inputs: [{ label: `${s.sequenceLength} word ids`, shape: [s.sequenceLength], dtype: 'int32' }],
        targetShape: [],
        classes: 2,
        classNames: ['negative', 'positive'],
        vocabulary: s.vocabSize,
      };
    case 'co2':
      return {
        task: 'regression',
        inputs: [{ label: `${s.window} past months`, shape: [s.window, 1], dtype: 'float32' }],
        targetShape: [1],
        classes: 0,
        classNames: [],
      };
    case 'reverse':
      return {
        task: 'sequence',
        inputs: [
          { label: `encoder: ${s.digits} digit tokens`, shape: [s.digits], dtype: 'int32' },
          { label: `decoder: start + ${s.digits - 1} tokens`, shape: [s.digits], dtype: 'int32' },
        ],
        targetShape: [s.digits],
        classes: REVERSE_VOCAB,
        classNames: [],
      };
    case 'csv':
    case 'images':
    case 'text':
    case 'series':
      return userDataSpec(s.dataset, s);
  }
}
