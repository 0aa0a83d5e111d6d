import { parseLab, type Lab } from '../../../app/labs/schema';
import autoencoder from '../../../resources/labs/autoencoder-mnist.lab.json';
import basics from '../../../resources/labs/basics-activations.lab.json';
import cifar from '../../../resources/labs/cnn-cifar10.lab.json';
import cnn from '../../../resources/labs/cnn-mnist.lab.json';
import gan from '../../../resources/labs/gan-mnist.lab.json';
import rbm from '../../../resources/labs/rbm-mnist.lab.json';
import rbmPretrain from '../../../resources/labs/rbm-pretrain.lab.json';
import rnn from '../../../resources/labs/rnn-sentiment.lab.json';
import textToDigit from '../../../resources/labs/text-to-digit.lab.json';
import transfer from '../../../resources/labs/transfer-digits.lab.json';
import transformer from '../../../resources/labs/transformer-sentiment.lab.json';

/** The shipped labs, in curriculum order; each is validated like a file a teacher wrote. */
export const LABS: readonly Lab[] = [basics, cnn, cifar, transfer, rnn, transformer, textToDigit, autoencoder, gan, rbm, rbmPretrain].flatMap((json) => {
  const r = parseLab(JSON.stringify(json));
  if (!r.ok) {
    console.error(`A lab file is invalid: ${r.error}`);
    return [];
  }
  return [r.lab];
});
