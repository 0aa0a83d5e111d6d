/** The models shipped in resources/models/<id>/, each made by a script in the repository. */
export interface ShippedModel {
  readonly id: string;
  readonly label: string;
  readonly description: string;
}

export const SHIPPED_MODELS: readonly ShippedModel[] = [
  {
    id: 'digits-0-4',
    label: 'Digits 0–4 CNN (MNIST)',
    description: 'A small CNN trained on MNIST digits 0–4 by scripts/make-pretrained-cnn.ts: two convolutions, a 32-unit "features" layer, a 5-way head.',
  },
];
