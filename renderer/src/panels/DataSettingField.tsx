import type { DataSettingKey, DataSettings } from '../../../app/data/catalog';
import { FieldRow } from '../ui/FieldRow';
import { NumberInput } from '../ui/NumberInput';
import { selectClass } from '../ui/styles';
import { DATA_FIELD_TEXT, dataField, kebab, OBJECTIVE_LABEL } from './dataFields';

export interface DataSettingFieldProps {
  readonly k: DataSettingKey;
  readonly data: DataSettings;
  readonly set: (patch: Partial<DataSettings>) => void;
}

/** One data setting, its control chosen from the schema: a select for enums, a checked number otherwise. */
export function DataSettingField({ k, data, set }: DataSettingFieldProps) {
  const field = dataField(k);
  const text = DATA_FIELD_TEXT[k];
  const id = `data-${k}`;
  if (!field) return null;
  if (field.kind === 'enum') {
    return (
      <FieldRow label={text.label} htmlFor={id} help={text.help}>
        <select id={id} data-testid={`${kebab(k)}-select`} className={selectClass} value={String(data[k])} onChange={(e) => set({ [k]: e.target.value })}>
          {field.options.map((o) => (
            <option key={o} value={o}>
              {OBJECTIVE_LABEL[o] ?? o}
            </option>
          ))}
        </select>
      </FieldRow>
    );
  }
  if (field.kind !== 'number') return null;
  const value = data[k];
  return (
    <FieldRow label={text.label} htmlFor={id}>
      <NumberInput
        id={id}
        // `seed-input` is the training seed's; the data's is `data-seed-input`.
        testId={k === 'seed' ? 'data-seed-input' : `${kebab(k)}-input`}
        title={text.help}
        value={typeof value === 'number' ? value : 0}
        integer={field.integer}
        step={field.integer ? (k === 'samples' ? 50 : 1) : 0.05}
        {...(field.min !== undefined ? { min: field.min } : {})}
        {...(field.max !== undefined ? { max: field.max } : {})}
        onCommit={(v) => set({ [k]: v })}
      />
    </FieldRow>
  );
}
