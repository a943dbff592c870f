/**
 * The words around data problems, as `validate`, `kpis` and a stopped build
 * print them (src/site/present/problemLines.ts): the count, the problems of
 * their own first, then the knock-on problems folded under their cause.
 * The problems' own rules are the schema's (English).
 */
export const problemEn = {
  'problems.found_one': '{n} problem found in the data:',
  'problems.found_few': '{n} problems found in the data:',
  'problems.found_many': '{n} problems found in the data:',
  'problems.found_other': '{n} problems found in the data:',
  'problems.more': '... and {n} more',
  'problems.knockOns_one': '{n} knock-on problem from {cause}: a reference to a deal that {cause} would have defined, had its rows been read; it goes away when {cause} is fixed:',
  'problems.knockOns_few': '{n} knock-on problems from {cause}: references to deals that {cause} would have defined, had its rows been read; they go away when {cause} is fixed:',
  'problems.knockOns_many': '{n} knock-on problems from {cause}: references to deals that {cause} would have defined, had its rows been read; they go away when {cause} is fixed:',
  'problems.knockOns_other': '{n} knock-on problems from {cause}: references to deals that {cause} would have defined, had its rows been read; they go away when {cause} is fixed:',
  'problems.knockOn': '{file}: {rule} ({lines})',
  'problems.byRule': 'By rule:',
};

export const problemRu: Record<keyof typeof problemEn, string> = {
  'problems.found_one': 'В данных найдена {n} проблема:',
  'problems.found_few': 'В данных найдено {n} проблемы:',
  'problems.found_many': 'В данных найдено {n} проблем:',
  'problems.found_other': 'В данных найдено {n} проблемы:',
  'problems.more': '... и ещё {n}',
  'problems.knockOns_one': '{n} проблема из-за ошибок в {cause}: ссылка на сделку, которую задал бы {cause}, если бы его строки были прочитаны; она исчезнет, когда {cause} будет исправлен:',
  'problems.knockOns_few': '{n} проблемы из-за ошибок в {cause}: ссылки на сделки, которые задал бы {cause}, если бы его строки были прочитаны; они исчезнут, когда {cause} будет исправлен:',
  'problems.knockOns_many': '{n} проблем из-за ошибок в {cause}: ссылки на сделки, которые задал бы {cause}, если бы его строки были прочитаны; они исчезнут, когда {cause} будет исправлен:',
  'problems.knockOns_other': '{n} проблемы из-за ошибок в {cause}: ссылки на сделки, которые задал бы {cause}, если бы его строки были прочитаны; они исчезнут, когда {cause} будет исправлен:',
  'problems.knockOn': '{file}: {rule} ({lines})',
  'problems.byRule': 'По правилам:',
};
