/**
 * The words of the text-to-image toy task: a short prompt ("a thick tilted seven") names a digit and up
 * to three measured attributes of its handwriting. Pure, so the UI tokenises a typed prompt exactly as
 * the engine tokenised the training prompts.
 */
export const DIGIT_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'] as const;
export const ATTRIBUTE_WORDS = { thickness: ['thin', 'thick'], size: ['small', 'large'], slant: ['upright', 'tilted'] } as const;

/** 0 pads, 1 is a word the task never uses; then "a", the attribute words and the digit words. */
export const PROMPT_VOCAB = ['<pad>', '<unknown>', 'a', ...Object.values(ATTRIBUTE_WORDS).flat(), ...DIGIT_WORDS] as const;
export const PROMPT_LENGTH = 6;
/** The image is cut into a 4×4 grid of 7×7 patches; each patch asks the prompt what to draw there. */
export const PATCH_GRID = 4;
export const PATCHES = PATCH_GRID * PATCH_GRID;

const ids = new Map<string, number>(PROMPT_VOCAB.map((w, i) => [w, i]));

export interface Tokenised {
  readonly ids: Int32Array;
  /** The words as the model reads them; unknown ones are marked so the UI can say so. */
  readonly words: readonly { readonly word: string; readonly known: boolean }[];
}

/** Lower-cases, splits on anything but letters, maps words to ids, pads or cuts to PROMPT_LENGTH. */
export function tokenisePrompt(text: string): Tokenised {
  const words = text
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter(Boolean)
    .slice(0, PROMPT_LENGTH);
  const out = new Int32Array(PROMPT_LENGTH);
  words.forEach((w, i) => (out[i] = ids.get(w) ?? 1));
  return { ids: out, words: words.map((word) => ({ word, known: ids.has(word) })) };
}

/** Which third of its class an example falls in for one attribute: the low words, none, or the high word. */
export type Level = 0 | 1 | 2;

/** The prompt for a digit with attribute levels (0 low, 1 unremarkable, 2 high); unremarkable ones are left out. */
export function promptFor(digit: number, levels: { thickness: Level; size: Level; slant: Level }, keep: (attribute: string) => boolean = () => true): string {
  const words: string[] = ['a'];
  for (const attribute of ['thickness', 'size', 'slant'] as const) {
    const level = levels[attribute];
    if (level !== 1 && keep(attribute)) words.push(ATTRIBUTE_WORDS[attribute][level === 0 ? 0 : 1]);
  }
  words.push(DIGIT_WORDS[digit]!);
  return words.join(' ');
}
