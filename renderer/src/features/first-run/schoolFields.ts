import type { FieldSpec } from '../../components/RecordForm';

export const SCHOOL_FIELDS: FieldSpec[] = [
  { name: 'name', label: 'Полное наименование', kind: 'text', required: true, span: 2, placeholder: 'МКОУ «Пьянковская основная общеобразовательная школа»' },
  { name: 'short_name', label: 'Краткое наименование', kind: 'text', placeholder: 'Пьянковская ООШ' },
  { name: 'municipality', label: 'Муниципалитет', kind: 'text', placeholder: 'Ирбитское МО' },
  { name: 'director', label: 'Директор (ФИО)', kind: 'text' },
  { name: 'deputy', label: 'Заместитель директора по УВР (ФИО)', kind: 'text' },
  { name: 'address', label: 'Адрес', kind: 'text', span: 2 },
  { name: 'phone', label: 'Телефон', kind: 'text' },
  { name: 'email', label: 'Электронная почта', kind: 'text' },
  { name: 'pupils_count', label: 'Число обучающихся', kind: 'number', min: 0, max: 10000 },
  { name: 'is_nor', label: 'Школа с низкими образовательными результатами (НОР)', kind: 'checkbox' },
  { name: 'is_nsu', label: 'Функционирует в неблагоприятных социальных условиях (НСУ)', kind: 'checkbox' },
];
