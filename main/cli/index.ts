import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { backendNameSchema, pythonPathSchema } from '../../app/protocol/backend';
import { appPaths, defaultDataDir, packageRoot } from '../service/paths';
import { CliError } from './errors';
import { exportCommand } from './export';
import { importCommand } from './import';
import { doctorCommand } from './doctor';
import { serveCommand } from './serve';
import { trainCommand } from './train';
import { evaluateCommand } from './evaluate';
import { validateCommand } from './validate';
import { readVersion } from '../service/version';

const USAGE = `Usage: layerlab <command> [options]

Commands:
  serve [--port N] [--host ADDR] [--workspace DIR] [--data-dir DIR]
                                     Start the web host (default http://127.0.0.1:4510/); open the
                                     link it prints (it carries the start token). Data is read from
                                     and uploaded into --workspace (default: the current folder)
  validate FILE                      Print the model summary; exit 1 if the network has errors
  train FILE [--epochs N] [--backend tensorflow|webgpu|wasm|cpu|pytorch] [--json] [--data-dir DIR]
        [--python PY] [--fallback]   Train headless, one line per epoch (JSON lines with --json).
                                     pytorch: the exported train.py in PY (default python3, then
                                     /usr/bin/python3); --fallback trains with LayerLab's engine if
                                     PyTorch is missing, instead of failing
  export FILE --to pytorch|keras|tfjs [-o DIR] [--run ID|last] [--data-dir DIR]
                                     Write the model as code (and a run's trained weights)
  import MODEL [-o PROJECT] [--data-dir DIR]
                                     A TF.js model.json (weights beside it), a Keras model JSON or a
                                     .keras archive as a new project; its weights become its first run
  evaluate FILE [--run last|ID] [--weights last|best] [--json] [--data-dir DIR]
                                     Score a recorded run on the test split (confusion matrix, MAE/RMSE/R²…)
  doctor [--json] [--python PY]      List every compute engine, whether it works here, and why not
  --help, --version

Runs are recorded under --data-dir (default $LAYERLAB_DATA_DIR, else ~/.layerlab).`;

const out = (line: string) => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);

function positiveInt(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new CliError(`--${name} must be a whole number, got "${value}"`);
  return n;
}

function pythonOption(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const parsed = pythonPathSchema.safeParse(value);
  if (!parsed.success) throw new CliError(`--python: ${parsed.error.issues[0]?.message ?? 'not a Python interpreter'}`);
  return parsed.data;
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      workspace: { type: 'string' },
      epochs: { type: 'string' },
      backend: { type: 'string' },
      python: { type: 'string' },
      fallback: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      'data-dir': { type: 'string' },
      to: { type: 'string' },
      out: { type: 'string', short: 'o' },
      run: { type: 'string' },
      weights: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
      version: { type: 'boolean', short: 'v', default: false },
    },
  });
  const root = packageRoot(fileURLToPath(import.meta.url));
  const paths = appPaths(root);
  const [command, file] = positionals;
  const dataDir = values['data-dir'] ? resolve(values['data-dir']) : defaultDataDir();
  if (values.version) return (out(readVersion(root)), 0);
  if (values.help || !command) return (out(USAGE), values.help ? 0 : 1);
  const needFile = () => {
    if (!file) throw new CliError(`layerlab ${command} needs a project file.\n\n${USAGE}`);
    return file;
  };
  switch (command) {
    case 'serve':
      return serveCommand({ port: values.port, host: values.host, workspace: values.workspace, dataDir, version: readVersion(root) }, paths, out, err);
    case 'doctor':
      return doctorCommand(values.json, out, pythonOption(values.python));
    case 'validate':
      return validateCommand(needFile(), out);
    case 'train': {
      const backend = values.backend === undefined ? undefined : backendNameSchema.safeParse(values.backend);
      if (backend && !backend.success) throw new CliError(`--backend must be one of ${backendNameSchema.options.join(', ')}`);
      const epochs = positiveInt('epochs', values.epochs);
      if (epochs === 0) throw new CliError('--epochs must be at least 1');
      return trainCommand(
        needFile(),
        {
          json: values.json,
          dataDir,
          ...(epochs ? { epochs } : {}),
          ...(backend?.data ? { backend: backend.data } : {}),
          ...(pythonOption(values.python) !== undefined ? { python: pythonOption(values.python)! } : {}),
          ...(values.fallback ? { fallback: true } : {}),
        },
        paths,
        out,
        err,
      );
    }
    case 'export':
      return exportCommand(needFile(), { to: values.to, out: values.out, run: values.run, dataDir, root }, out, err);
    case 'import':
      if (!file) throw new CliError(`layerlab import needs a model file (model.json, a Keras JSON or .keras).\n\n${USAGE}`);
      return importCommand(file, { out: values.out, dataDir }, out);
    case 'evaluate': {
      const weights = values.weights ?? 'last';
      if (weights !== 'last' && weights !== 'best') throw new CliError('--weights must be last or best');
      const backend = values.backend === undefined ? undefined : backendNameSchema.safeParse(values.backend);
      if (backend && !backend.success) throw new CliError(`--backend must be one of ${backendNameSchema.options.join(', ')}`);
      const run = values.run ?? 'last';
      if (run !== 'last' && !/^[A-Za-z0-9_-]{6,64}$/.test(run)) throw new CliError(`--run must be "last" or a run id, got "${run.slice(0, 80)}"`);
      return evaluateCommand(needFile(), { run, weights, json: values.json, dataDir, ...(backend?.data ? { backend: backend.data } : {}) }, paths, out, err);
    }
    default:
      throw new CliError(`Unknown command "${command}".\n\n${USAGE}`);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    const known = e instanceof CliError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    err(known ? `error: ${(e as Error).message}` : String((e as Error).stack ?? e));
    process.exit(1);
  },
);
