import { dataSettingsSchema, type DataSettingKey } from '../../../app/data/catalog';
import { fieldsOf, type Field } from '../../../app/layers/fields';

/** Words for each data setting; bounds and options come from the schema. */
export const DATA_FIELD_TEXT: Record<DataSettingKey, { label: string; help?: string }> = {
  noise: { label: 'Noise', help: 'Spread of the random noise added to each example.' },
  samples: { label: 'Samples', help: 'How many examples to generate.' },
  seed: { label: 'Seed', help: 'The same seed gives the same data and split every time.' },
  limit: { label: 'Limit', help: 'Use at most this many examples (0 = all): train quickly on a laptop.' },
  objective: { label: 'Objective', help: 'Predict the digit, reproduce the image (autoencoder), or clean a noisy copy.' },
  vocabSize: { label: 'Vocabulary', help: 'Keep the most frequent words; the rest become one "unknown" token.' },
  sequenceLength: { label: 'Sequence length', help: 'Words per review after padding or truncation.' },
  window: { label: 'Window', help: 'Past steps the model sees.' },
  horizon: { label: 'Horizon', help: 'How many steps ahead it predicts.' },
  digits: { label: 'Digits', help: 'Digits per string.' },
  mnistDigits: { label: 'Which digits', help: 'All ten, or one half: 5–9 are relabelled 0–4, a new task for a model pretrained on 0–4.' },
};

export const OBJECTIVE_LABEL: Record<string, string> = {
  classify: 'Classify the digit',
  reconstruct: 'Reconstruct (autoencoder)',
  denoise: 'Denoise a noisy copy',
};

const fields = new Map(fieldsOf(dataSettingsSchema).map((f) => [f.key, f]));

export function dataField(key: DataSettingKey): Field | undefined {
  return fields.get(key);
}

/** `sequenceLength` → `sequence-length`, for test ids. */
export const kebab = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
