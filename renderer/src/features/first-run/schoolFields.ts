import type { FieldSpec } from '../../components/RecordForm';
import { fieldsOf } from '../../components/registryFields';

const school = fieldsOf('school_profile');
export const SCHOOL_FIELDS: FieldSpec[] = [
  school('name', { span: 2, placeholder: 'МКОУ «Пьянковская основная общеобразовательная школа»' }),
  school('short_name', { placeholder: 'Пьянковская ООШ' }), school('municipality', { placeholder: 'Ирбитское МО' }),
  school('director', { placeholder: 'Иванова Мария Петровна' }), school('deputy'), school('address', { span: 2 }), school('phone'), school('email'), school('pupils_count'),
  school('is_nor'), school('is_nsu'),
];
