/** A file a built-in dataset fetches on first use, from its official location. */
export interface DownloadFile {
  readonly url: string;
  /** Its name in the download cache. */
  readonly file: string;
  readonly checksum: { readonly algorithm: 'md5' | 'sha256'; readonly digest: string };
  readonly bytes: number;
}

/** What the data panel shows before anything is downloaded: what it is, its license, its size. */
export interface DatasetDownload {
  readonly label: string;
  readonly license: string;
  readonly homepage: string;
  readonly files: readonly DownloadFile[];
}

export const downloadBytes = (d: DatasetDownload): number => d.files.reduce((a, f) => a + f.bytes, 0);

const FASHION = 'http://fashion-mnist.s3-website.eu-central-1.amazonaws.com';

/** The datasets that are not inside an npm package. Checksums are the ones their publishers list. */
export const DOWNLOADS = {
  'fashion-mnist': {
    label: 'Fashion-MNIST',
    license: 'MIT (Zalando Research)',
    homepage: 'https://github.com/zalandoresearch/fashion-mnist',
    files: [
      {
        url: `${FASHION}/train-images-idx3-ubyte.gz`,
        file: 'fashion-train-images-idx3-ubyte.gz',
        checksum: { algorithm: 'md5', digest: '8d4fb7e6c68d591d4c3dfef9ec88bf0d' },
        bytes: 26_421_880,
      },
      {
        url: `${FASHION}/train-labels-idx1-ubyte.gz`,
        file: 'fashion-train-labels-idx1-ubyte.gz',
        checksum: { algorithm: 'md5', digest: '25c81989df183df01b3e8a0aad5dffbe' },
        bytes: 29_515,
      },
      {
        url: `${FASHION}/t10k-images-idx3-ubyte.gz`,
        file: 'fashion-t10k-images-idx3-ubyte.gz',
        checksum: { algorithm: 'md5', digest: 'bef4ecab320f06d8554ea6380940ec79' },
        bytes: 4_422_102,
      },
      {
        url: `${FASHION}/t10k-labels-idx1-ubyte.gz`,
        file: 'fashion-t10k-labels-idx1-ubyte.gz',
        checksum: { algorithm: 'md5', digest: 'bb300cfdad3c16e7a12a480ee83cd310' },
        bytes: 5_148,
      },
    ],
  },
  cifar10: {
    label: 'CIFAR-10',
    license: 'No formal license; free for research and teaching, cite Krizhevsky (2009), "Learning Multiple Layers of Features from Tiny Images"',
    homepage: 'https://www.cs.toronto.edu/~kriz/cifar.html',
    files: [
      {
        url: 'https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz',
        file: 'cifar-10-binary.tar.gz',
        checksum: { algorithm: 'md5', digest: 'c32a1d4ab5d03f1284b67883e8d87530' },
        bytes: 170_052_171,
      },
    ],
  },
} as const satisfies Record<string, DatasetDownload>;

export type DownloadedDatasetId = keyof typeof DOWNLOADS;
