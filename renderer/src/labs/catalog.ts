import { parseLab, type Lab } from '../../../app/labs/schema';
import autoencoder from '../../../resources/labs/autoencoder-mnist.lab.json';
import basics from '../../../resources/labs/basics-activations.lab.json';
import cnn from '../../../resources/labs/cnn-mnist.lab.json';
import rnn from '../../../resources/labs/rnn-sentiment.lab.json';
import transformer from '../../../resources/labs/transformer-sentiment.lab.json';

/** The shipped labs, in curriculum order; each is validated like a file a teacher wrote. */
export const LABS: readonly Lab[] = [basics, cnn, rnn, transformer, autoencoder].flatMap((json) => {
  const r = parseLab(JSON.stringify(json));
  if (!r.ok) {
    console.error(`A lab file is invalid: ${r.error}`);
    return [];
  }
  return [r.lab];
});
