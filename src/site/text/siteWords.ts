/**
 * The words of every page's frame: the site's name and navigation, the
 * as-of stamp, periods, scopes, leading and lagging, charts and tables, and
 * the "not found" page. English is the source of the keys; Russian has the
 * same keys (a missing one is a type error).
 */
export const siteEn = {
  'site.name': 'Keepscore',

  'nav.label': 'Main',
  'nav.skip': 'Skip to content',
  'nav.overview': 'Overview',
  'nav.activity': 'Activity',
  'nav.stages': 'Stages',
  'nav.winRate': 'Win rate',
  'nav.pipeline': 'Pipeline',

  'stamp.asOf': 'As of {date}',
  'stamp.exported': 'data exported {date}',
  'stamp.exportedUnknown': 'export date unknown (taken as the as-of date)',

  'period.month': 'Month',
  'period.monthToDate': '{month}, to date',
  'period.quarterToDate': '{quarter}, to date',
  'period.quarter': 'Q{q} {year}',
  'period.window': '{from} – {to}',

  'scope.team': 'Whole team',
  'scope.teamNamed': 'Team {name}',
  'scope.column': 'Who',

  'indicator.leading': 'Leading indicator',
  'indicator.lagging': 'Lagging indicator',
  'indicator.leadingWhy': 'It moves before the results do, so you can still change it this month.',
  'indicator.laggingWhy': 'It reports results after the fact: easy to measure, hard to change directly.',

  'column.source': 'Lead source',
  'column.channel': 'Channel',
  'column.stage': 'Stage',
  'column.closeMonth': 'Close month',

  'table.showData': 'The data behind this chart',
  'table.download': 'Download CSV',

  'chart.smallMark': 'hollow point: too few to judge',
  'chart.trendSummary': '{series}: {first} in {firstMonth}, {last} in {lastMonth}; highest {max} in {maxMonth}, lowest {min} in {minMonth}.',
  'chart.legend': 'Colour key',
  'chart.noData': 'No data for this chart yet.',

  'page.sideCaption': 'Whole team, teams and reps side by side, {period}',
  'page.sideTitle': 'Everyone side by side',
  'page.trendTitle': 'Month by month, {from} – {to}',
  'page.json': 'The same numbers as KPI JSON',

  'nav.reports': 'Reports',
  'nav.data': 'Data',
  'nav.upload': 'Upload',

  'notFound.title': 'Page not found',
  'notFound.body': 'There is no page at this address. It may be a rep or a month that is not in the data any more.',
  'notFound.home': 'Back to the team\'s KPIs',
};

export const siteRu: Record<keyof typeof siteEn, string> = {
  'site.name': 'Keepscore',

  'nav.label': 'Основное',
  'nav.skip': 'К содержанию',
  'nav.overview': 'Обзор',
  'nav.activity': 'Активность',
  'nav.stages': 'Этапы',
  'nav.winRate': 'Процент побед',
  'nav.pipeline': 'Воронка',

  'stamp.asOf': 'Данные на {date}',
  'stamp.exported': 'выгрузка от {date}',
  'stamp.exportedUnknown': 'дата выгрузки неизвестна (принята дата данных)',

  'period.month': 'Месяц',
  'period.monthToDate': '{month}, на текущую дату',
  'period.quarterToDate': '{quarter}, на текущую дату',
  'period.quarter': '{q} кв. {year}',
  'period.window': '{from} – {to}',

  'scope.team': 'Вся команда',
  'scope.teamNamed': 'Команда {name}',
  'scope.column': 'Кто',

  'indicator.leading': 'Опережающий индикатор',
  'indicator.lagging': 'Запаздывающий индикатор',
  'indicator.leadingWhy': 'Он меняется раньше результатов, поэтому на него ещё можно повлиять в этом месяце.',
  'indicator.laggingWhy': 'Он показывает результат постфактум: его легко измерить, но трудно напрямую улучшить.',

  'column.source': 'Источник лида',
  'column.channel': 'Канал',
  'column.stage': 'Этап',
  'column.closeMonth': 'Месяц закрытия',

  'table.showData': 'Данные этого графика',
  'table.download': 'Скачать CSV',

  'chart.smallMark': 'полая точка: слишком мало для выводов',
  'chart.trendSummary': '{series}: {first} в {firstMonth}, {last} в {lastMonth}; максимум {max} в {maxMonth}, минимум {min} в {minMonth}.',
  'chart.legend': 'Обозначения',
  'chart.noData': 'Для этого графика пока нет данных.',

  'page.sideCaption': 'Вся команда, команды и менеджеры рядом, {period}',
  'page.sideTitle': 'Все рядом',
  'page.trendTitle': 'По месяцам, {from} – {to}',
  'page.json': 'Те же цифры в виде KPI JSON',

  'nav.reports': 'Отчёты',
  'nav.data': 'Данные',
  'nav.upload': 'Загрузка',

  'notFound.title': 'Страница не найдена',
  'notFound.body': 'По этому адресу страницы нет. Возможно, это менеджер или месяц, которых больше нет в данных.',
  'notFound.home': 'К KPI команды',
};
