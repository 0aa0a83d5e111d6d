import type { Preprocess } from './preprocess';
import type { ZooId } from './sources';

export interface ZooEntry {
  readonly label: string;
  /** The official TF.js layers-format model.json; its shards sit beside it. */
  readonly url: string;
  /** The cache folder's name, and the folder under LAYERLAB_ZOO_URL. */
  readonly folder: string;
  /** Download size, for the card before the download starts. */
  readonly megabytes: number;
  readonly inputShape: readonly [number, number, 3];
  readonly preprocess: Exclude<Preprocess, 'none'>;
  /** A good layer to cut at for features (before the ImageNet classifier). */
  readonly featureLayer: string;
  /** Recorded sha256 per file, where one is published; none is for these three (see the card). */
  readonly sha256?: Readonly<Record<string, string>>;
  readonly card: string;
}

const NO_CHECKSUM =
  'No checksum is published for these files, so LayerLab checks that model.json parses as a layers model and that every shard has exactly the size its manifest declares.';

export const ZOO: Record<ZooId, ZooEntry> = {
  'mobilenet-v2': {
    label: 'MobileNetV2 (ImageNet)',
    url: 'https://storage.googleapis.com/tfjs-models/tfjs/mobilenet_v2_1.0_224/model.json',
    folder: 'mobilenet_v2_1.0_224',
    megabytes: 14,
    inputShape: [224, 224, 3],
    preprocess: 'scale-1-1',
    featureLayer: 'global_average_pooling2d_1',
    card: `MobileNetV2 (Sandler et al., 2018), alpha 1.0, 224×224, trained on ImageNet; from Google's tfjs-models storage (Apache-2.0). Pixels are scaled to −1…1 automatically. ${NO_CHECKSUM}`,
  },
  resnet50: {
    label: 'ResNet50 (ImageNet)',
    url: 'https://storage.googleapis.com/tfjs-models/tfjs/resnet50/model.json',
    folder: 'resnet50',
    megabytes: 100,
    inputShape: [224, 224, 3],
    preprocess: 'caffe',
    featureLayer: 'avg_pool',
    card: `ResNet50 (He et al., 2015), Keras applications weights converted to TF.js layers format, from Google's tfjs-models storage. Pixels become BGR 0–255 minus the ImageNet mean automatically (Keras "caffe" mode). ${NO_CHECKSUM}`,
  },
  vgg16: {
    label: 'VGG16 (ImageNet)',
    url: 'https://storage.googleapis.com/tfjs-models/tfjs/vgg16/model.json',
    folder: 'vgg16',
    megabytes: 528,
    inputShape: [224, 224, 3],
    preprocess: 'caffe',
    featureLayer: 'block5_pool',
    card: `VGG16 (Simonyan & Zisserman, 2014), Keras applications weights converted to TF.js layers format, from Google's tfjs-models storage. Pixels become BGR 0–255 minus the ImageNet mean automatically (Keras "caffe" mode); 528 MB. ${NO_CHECKSUM}`,
  },
};
