import { EVENT_VERSION } from '../../app/protocol/events';

export interface Versions {
  readonly app: string;
  readonly electron: string;
  readonly chrome: string;
  readonly node: string;
  readonly tfjs: string;
}

/** The About box: what a bug report needs, in the order a maintainer asks for it. */
export function aboutMessage(name: string, v: Versions): { message: string; detail: string } {
  return {
    message: `${name} ${v.app}`,
    detail: [
      `Electron ${v.electron}`,
      `Chrome ${v.chrome}`,
      `Node ${v.node}`,
      `TensorFlow.js ${v.tfjs}`,
      `Engine ${v.app} (tfjs ${v.tfjs}, event protocol v${EVENT_VERSION})`,
      '',
      'Design, train and understand neural networks visually.',
    ].join('\n'),
  };
}
