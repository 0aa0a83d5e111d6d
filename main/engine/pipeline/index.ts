export { ArraySource } from './array-source';
export { batchStream, type Batch, type BatchOptions } from './batches';
export { openStreamingData, usesStreaming, type StreamingData } from './open';
export type { ExampleSource } from './source';
export { PipelineStats, type PipelineTimes } from './stats';
export { batchTensors, streamingDataset, type TensorLayout } from './tf-dataset';
export { fitStreaming, sampleBatch, streamingDatasets, type StreamingDatasets, type StreamingOptions } from './train-streaming';
