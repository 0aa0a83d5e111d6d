import { z } from 'zod';

/** One line of the compute-engine report (`layerlab doctor`, Help → Compute engines): a part, whether it works, and why. */
export const doctorRowSchema = z.object({
  engine: z.enum(['tensorflow', 'webgpu', 'wasm', 'cpu', 'pytorch']),
  item: z.string().max(1000),
  status: z.enum(['ok', 'missing', 'failed']),
  detail: z.string().max(4000),
});
export type DoctorRow = z.output<typeof doctorRowSchema>;

export const engineReportSchema = z.object({
  rows: z.array(doctorRowSchema).max(200),
  /** PyTorch as the Compute engine menu offers it: the interpreter and device, or why it cannot be used. */
  pytorch: z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), python: z.string(), version: z.string(), device: z.string() }),
    z.object({ ok: z.literal(false), why: z.string() }),
  ]),
  checkedAt: z.string(),
});
export type EngineReport = z.output<typeof engineReportSchema>;

/** The engine process's one answer to a `doctor` command. */
export const doctorReplySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('doctor.done'), report: engineReportSchema }),
  z.object({ type: z.literal('doctor.failed'), message: z.string() }),
]);
export type DoctorReply = z.output<typeof doctorReplySchema>;
