#!/usr/bin/env bash
# Every engine that can reach a GPU on this machine, on the five reference models, against
# PyTorch on CUDA, in one short run: LayerLab on WebGPU (the real adapter), LayerLab on
# tfjs-node-gpu (where its libtensorflow and CUDA 11.2 / cuDNN 8.1 are present), LayerLab's
# automatic choice, and PyTorch on CUDA. Writes bench/results/training-gpu.json in the same
# shape as training.json (`profile: "gpu"`).
#
# On a machine without a GPU it still runs, degenerate: the doctor table says what is missing,
# WebGPU is reported unavailable (software adapters are not taken automatically, and a column
# asked for WebGPU by name says which adapter it got), tensorflow says why it did not load, and
# PyTorch CUDA is skipped with "no CUDA device". Models: all five, or those named
# (`bench/gpu.sh lenet gru`).
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== What this machine has (layerlab doctor)"
npx tsx main/cli/index.ts doctor || echo "(doctor failed; measuring anyway)"

if command -v nvidia-smi >/dev/null 2>&1; then
  echo "== GPU"
  nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader || true
else
  echo "== No nvidia-smi: no NVIDIA GPU here (WebGPU may still find another GPU)"
fi

echo "== Training throughput, GPU engines against PyTorch on CUDA"
BENCH_WRITE=1 npx tsx bench/training.ts --gpu "$@"
