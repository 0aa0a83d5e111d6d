import type { Tf } from '../../app/layers/types';
import type { DoctorRow } from '../../app/protocol/engines';
import { doctorTable, engineReport } from '../engine/doctor/report';

export type { DoctorRow } from '../../app/protocol/engines';
export { doctorTable } from '../engine/doctor/report';

/** The report's rows (tests and the CLI). */
export async function doctorRows(tf: Tf, python?: string): Promise<DoctorRow[]> {
  return (await engineReport(tf, python)).rows;
}

/** `layerlab doctor [--json] [--python P]`: prints the table (or the rows as JSON); exits 0 however many engines are missing. */
export async function doctorCommand(json: boolean, out: (line: string) => void, python?: string): Promise<number> {
  const tf = (await import('@tensorflow/tfjs')) as unknown as Tf;
  const rows = await doctorRows(tf, python);
  if (json) out(JSON.stringify(rows));
  else out(doctorTable(rows));
  return 0;
}
